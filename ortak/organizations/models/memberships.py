"""Memberships (a user's role in a municipality or an organization) and invitations."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from ortak.core.models import TimeStampedModel
from ortak.organizations.models.organizations import Organization
from ortak.organizations.models.places import Municipality, Unit


class Membership(TimeStampedModel):
    """A user's role in exactly one municipality or one organization (ARCHITECTURE §5)."""

    class Role(models.TextChoices):
        # municipality roles
        EDITOR = "editor", _("municipality editor (strategy unit)")
        RESPONDER = "responder", _("municipality responder (unit staff)")
        MUNICIPALITY_ADMIN = "municipality_admin", _("municipality admin")
        # organization roles
        MEMBER = "member", _("organization member")
        REPRESENTATIVE = "representative", _("organization representative")
        ORGANIZATION_ADMIN = "organization_admin", _("organization admin")

    MUNICIPALITY_ROLES = (Role.EDITOR, Role.RESPONDER, Role.MUNICIPALITY_ADMIN)
    ORGANIZATION_ROLES = (Role.MEMBER, Role.REPRESENTATIVE, Role.ORGANIZATION_ADMIN)

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="memberships",
    )
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="memberships",
        help_text=_("For responders: the unit whose contributions they answer."),
    )
    role = models.CharField(_("role"), max_length=24, choices=Role.choices)

    class Meta:
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(municipality__isnull=False, organization__isnull=True)
                    & Q(role__in=["editor", "responder", "municipality_admin"])
                )
                | (
                    Q(municipality__isnull=True, organization__isnull=False, unit__isnull=True)
                    & Q(role__in=["member", "representative", "organization_admin"])
                ),
                name="membership_one_target_matching_role",
            ),
            models.UniqueConstraint(
                fields=["user", "municipality"],
                condition=Q(municipality__isnull=False),
                name="membership_unique_user_municipality",
            ),
            models.UniqueConstraint(
                fields=["user", "organization"],
                condition=Q(organization__isnull=False),
                name="membership_unique_user_organization",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.user} – {self.municipality or self.organization} ({self.get_role_display()})"

    @property
    def target(self) -> Municipality | Organization:
        target = self.municipality or self.organization
        assert target is not None
        return target

    @property
    def is_admin(self) -> bool:
        return self.role in (self.Role.MUNICIPALITY_ADMIN, self.Role.ORGANIZATION_ADMIN)

    def clean(self) -> None:
        super().clean()
        validate_unit_in_municipality(self.unit, self.municipality_id)


def validate_unit_in_municipality(unit: Unit | None, municipality_id: int | None) -> None:
    if unit is not None and unit.municipality_id != municipality_id:
        raise ValidationError(
            {"unit": _("The unit must belong to the same municipality.")}, code="unit_elsewhere"
        )


class Invitation(TimeStampedModel):
    """An e-mailed offer of a role in a municipality or an organization.

    The token in the link is not enough on its own: accepting needs a signed-in account with
    the invited address verified (see ``permissions.can_accept_invitation``).
    """

    email = models.EmailField(_("e-mail address"))
    municipality = models.ForeignKey(
        Municipality,
        verbose_name=_("municipality"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    organization = models.ForeignKey(
        Organization,
        verbose_name=_("organization"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="invitations",
    )
    role = models.CharField(_("role"), max_length=24, choices=Membership.Role.choices)
    unit = models.ForeignKey(
        Unit,
        verbose_name=_("unit"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    token = models.CharField(_("token"), max_length=64, unique=True, editable=False)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("invited by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    expires_at = models.DateTimeField(_("expires at"))
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("accepted by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    revoked_at = models.DateTimeField(_("revoked at"), null=True, blank=True)

    class Meta:
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=(
                    Q(municipality__isnull=False, organization__isnull=True)
                    & Q(role__in=["editor", "responder", "municipality_admin"])
                )
                | (
                    Q(municipality__isnull=True, organization__isnull=False, unit__isnull=True)
                    & Q(role__in=["member", "representative", "organization_admin"])
                ),
                name="invitation_one_target_matching_role",
            ),
            models.CheckConstraint(
                condition=Q(accepted_at__isnull=True) | Q(revoked_at__isnull=True),
                name="invitation_not_accepted_and_revoked",
            ),
            models.UniqueConstraint(
                fields=["email", "municipality"],
                condition=Q(
                    municipality__isnull=False, accepted_at__isnull=True, revoked_at__isnull=True
                ),
                name="invitation_one_open_per_municipality",
            ),
            models.UniqueConstraint(
                fields=["email", "organization"],
                condition=Q(
                    organization__isnull=False, accepted_at__isnull=True, revoked_at__isnull=True
                ),
                name="invitation_one_open_per_organization",
            ),
        ]

    def __str__(self) -> str:
        return (
            f"{self.email} → {self.municipality or self.organization} ({self.get_role_display()})"
        )

    @property
    def target(self) -> Municipality | Organization:
        target = self.municipality or self.organization
        assert target is not None
        return target

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_open(self) -> bool:
        """Still acceptable: not accepted, not revoked, not expired."""
        return self.accepted_at is None and self.revoked_at is None and not self.is_expired

    def clean(self) -> None:
        super().clean()
        validate_unit_in_municipality(self.unit, self.municipality_id)
