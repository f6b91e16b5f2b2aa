"""Who may do what with municipalities and organizations: named questions (STYLE rule 5).

Services enforce these predicates, views use them to answer 403/404, templates use them to decide
what to show. Every predicate takes the acting user first and returns a plain ``bool``; an
anonymous, inactive or erased user is never allowed anything here.

Municipality powers (admin, editor, responder) also need multi-factor authentication: a role
without an active TOTP or WebAuthn authenticator grants nothing (ARCHITECTURE §1, "MFA enforced
for staff"). ``holds_municipality_role`` deliberately ignores MFA: the accounts app uses it to
decide whom to send to MFA set-up in the first place.

Role hierarchy inside one municipality (a user holds at most one role there, enforced by a
unique constraint): municipality admin ⊇ editor ⊇ responder. An admin can therefore also edit
plans and answer, an editor (strategy unit) can answer for any unit, and a responder answers for
their own unit, or for the whole municipality when their membership names no unit.

Organization roles: organization admin ⊇ representative ⊇ member for acting on behalf of the
organization; only admins manage members. Nobody acts for an organization until a moderator has
verified it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from allauth.mfa.models import Authenticator

from ortak.organizations.models import Membership, Municipality, Organization, Unit

if TYPE_CHECKING:
    from ortak.organizations.models import Invitation

Role = Membership.Role

MUNICIPALITY_EDITOR_ROLES = (Role.EDITOR, Role.MUNICIPALITY_ADMIN)
MUNICIPALITY_RESPONDER_ROLES = (Role.RESPONDER, Role.EDITOR, Role.MUNICIPALITY_ADMIN)
ORGANIZATION_ACTING_ROLES = (Role.MEMBER, Role.REPRESENTATIVE, Role.ORGANIZATION_ADMIN)
# Factors that count as a second factor; recovery codes alone are only a fallback.
MFA_FACTOR_TYPES = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


# --- The user -------------------------------------------------------------------------


def is_signed_in(user: Any) -> bool:
    """An active, signed-in account that has not been erased."""
    return bool(
        user is not None
        and getattr(user, "is_authenticated", False)
        and user.is_active
        and getattr(user, "erased_at", None) is None
    )


def is_platform_admin(user: Any) -> bool:
    return is_signed_in(user) and bool(user.is_superuser)


def is_moderator(user: Any) -> bool:
    """Moderators (``User.is_moderator``) and superusers."""
    return is_signed_in(user) and bool(user.is_moderator or user.is_superuser)


def has_active_mfa(user: Any) -> bool:
    """The user has a TOTP or WebAuthn authenticator (allauth.mfa)."""
    if not is_signed_in(user):
        return False
    return Authenticator.objects.filter(user_id=user.pk, type__in=MFA_FACTOR_TYPES).exists()


def holds_municipality_role(user: Any) -> bool:
    """Whether the user is editor, responder or admin of any municipality (MFA not considered).

    The accounts app requires MFA set-up from everyone for whom this is true.
    """
    if not is_signed_in(user):
        return False
    return Membership.objects.filter(user_id=user.pk, municipality__isnull=False).exists()


# --- Municipalities -------------------------------------------------------------------


def municipality_membership(user: Any, municipality: Municipality) -> Membership | None:
    """The user's membership in the municipality, whatever its role; no MFA check."""
    if not is_signed_in(user):
        return None
    return Membership.objects.filter(user_id=user.pk, municipality_id=municipality.pk).first()


def _municipality_power(user: Any, municipality: Municipality, roles: tuple[str, ...]) -> bool:
    membership = municipality_membership(user, municipality)
    return membership is not None and membership.role in roles and has_active_mfa(user)


def is_municipality_admin(user: Any, municipality: Municipality) -> bool:
    return _municipality_power(user, municipality, (Role.MUNICIPALITY_ADMIN,))


def is_municipality_editor(user: Any, municipality: Municipality) -> bool:
    """May edit the municipality's plans, targets and measurements (editor or admin, with MFA)."""
    return _municipality_power(user, municipality, MUNICIPALITY_EDITOR_ROLES)


def is_municipality_responder(
    user: Any, municipality: Municipality, unit: Unit | None = None
) -> bool:
    """May answer for the municipality, or for ``unit`` when one is given (with MFA).

    Editors and admins answer for every unit; a responder answers for the unit named in their
    membership, or for every unit when their membership names none.
    """
    if unit is not None and unit.municipality_id != municipality.pk:
        return False
    membership = municipality_membership(user, municipality)
    if membership is None or membership.role not in MUNICIPALITY_RESPONDER_ROLES:
        return False
    if (
        unit is not None
        and membership.role == Role.RESPONDER
        and membership.unit_id not in (None, unit.pk)
    ):
        return False
    return has_active_mfa(user)


def can_manage_municipality_staff(user: Any, municipality: Municipality) -> bool:
    """Invite staff, change their roles, remove them: the municipality's admins and superusers."""
    return is_platform_admin(user) or is_municipality_admin(user, municipality)


def can_manage_units(user: Any, municipality: Municipality) -> bool:
    """Create, rename and delete the municipality's units."""
    return can_manage_municipality_staff(user, municipality)


def needs_mfa_for_municipality(user: Any, municipality: Municipality) -> bool:
    """The user holds a role here but cannot use it until MFA is set up (to explain a 403)."""
    return municipality_membership(user, municipality) is not None and not has_active_mfa(user)


# --- Organizations --------------------------------------------------------------------


def organization_membership(user: Any, organization: Organization) -> Membership | None:
    if not is_signed_in(user):
        return None
    return Membership.objects.filter(user_id=user.pk, organization_id=organization.pk).first()


def is_organization_member(user: Any, organization: Organization) -> bool:
    """Any role in the organization, verified or not."""
    return organization_membership(user, organization) is not None


def is_organization_admin(user: Any, organization: Organization) -> bool:
    membership = organization_membership(user, organization)
    return membership is not None and membership.role == Role.ORGANIZATION_ADMIN


def can_register_organization(user: Any) -> bool:
    return is_signed_in(user)


def can_view_organization(user: Any, organization: Organization) -> bool:
    """Verified and pending organizations are public; rejected ones only to members/moderators."""
    if organization.verification != Organization.Verification.REJECTED:
        return True
    return is_moderator(user) or is_organization_member(user, organization)


def can_view_moderation_queue(user: Any) -> bool:
    return is_moderator(user)


def can_verify_organization(user: Any, organization: Organization) -> bool:
    """Moderators decide on organizations they do not belong to (no self-verification)."""
    return is_moderator(user) and not is_organization_member(user, organization)


def can_edit_organization(user: Any, organization: Organization) -> bool:
    return is_platform_admin(user) or is_organization_admin(user, organization)


def can_manage_organization_members(user: Any, organization: Organization) -> bool:
    """Invite members, change their roles, remove them: the organization's admins, superusers."""
    return is_platform_admin(user) or is_organization_admin(user, organization)


def can_act_for_organization(user: Any, organization: Organization) -> bool:
    """Send suggestions, offers and assessments on the organization's behalf.

    Any member role counts, but only once a moderator has verified the organization.
    """
    return organization.is_verified and is_organization_member(user, organization)


# --- Memberships and invitations ------------------------------------------------------


def can_manage_membership(user: Any, membership: Membership) -> bool:
    """Change the role of, or remove, this membership (as an admin of its target)."""
    if membership.municipality_id is not None:
        assert membership.municipality is not None
        return can_manage_municipality_staff(user, membership.municipality)
    assert membership.organization is not None
    return can_manage_organization_members(user, membership.organization)


def can_leave(user: Any, membership: Membership) -> bool:
    """Everyone may give up their own membership (the last-admin rule is checked by the service)."""
    return is_signed_in(user) and membership.user_id == user.pk


def can_invite_to(
    user: Any, *, municipality: Municipality | None = None, organization: Organization | None = None
) -> bool:
    if municipality is not None:
        return can_manage_municipality_staff(user, municipality)
    if organization is not None:
        return can_manage_organization_members(user, organization)
    return False


def can_accept_invitation(user: Any, invitation: Invitation) -> bool:
    """Only the invited address may accept, and only once it is verified on the account."""
    from allauth.account.models import EmailAddress

    if not is_signed_in(user):
        return False
    return EmailAddress.objects.filter(
        user_id=user.pk, email__iexact=invitation.email, verified=True
    ).exists()
