"""The query guard's registry: for every URL name, the object it is measured on and who asks.

When you add a URL pattern, add one line here:

    REPRESENTATIVES["plans:objective_detail"] = Representative(
        kwargs=lambda d: {"slug": d.municipality.slug, "period": d.plan.period_label, "code": "1.1"},
    )

or, for an endpoint that is not a page (POST-only, a file download, a redirect-only step of a
login flow), a reason in ``SKIPPED``. ``config/tests/test_query_guard.py`` fails, naming the URL,
until one of the two is there. If the page needs an object the dataset lacks, add a field to
``Dataset`` and build it in ``build_dataset`` — big enough that an N+1 would show (dozens of rows
on every list, several children under every parent).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import timedelta
from typing import Any

from allauth.account.forms import default_token_generator
from allauth.account.internal.flows.login import (
    _AUTHENTICATION_METHODS_USER_SESSION_KEY,
    AUTHENTICATION_METHODS_SESSION_KEY,
)
from allauth.account.models import EmailAddress, EmailConfirmationHMAC
from allauth.account.utils import user_pk_to_url_str
from allauth.mfa.models import Authenticator
from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.test import Client
from django.utils import timezone

from ortak.accounts.models import PrivacyNotice, User
from ortak.accounts.tests.factories import UserFactory
from ortak.monitoring.models import GeneratedReport
from ortak.monitoring.tests.guard import assessment_kwargs, value_form_kwargs
from ortak.notifications.models import Notification
from ortak.notifications.tokens import make_unsubscribe_token
from ortak.organizations.models import Invitation, Membership, Municipality, Organization, Unit
from ortak.organizations.tests.factories import (
    MembershipFactory,
    MunicipalityFactory,
    OrganizationFactory,
    UnitFactory,
    municipality_membership,
)
from ortak.participation.tests.guard import (
    node_kwargs,
    participation_data,
    pk_of,
    with_participation,
)
from ortak.plans.io.exporter import export_plan
from ortak.plans.io.uploads import StoredUpload, keep_upload
from ortak.plans.models import Activity, StrategicPlan
from ortak.plans.tests.factories import build_plan

# --- The dataset ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Dataset:
    """A small but realistic platform: every list has dozens of rows, every parent children."""

    users: dict[str, User]
    municipality: Municipality
    units: list[Unit]
    plan: StrategicPlan
    draft_plan: StrategicPlan
    organization: Organization
    pending_organization: Organization
    unverified_email: EmailAddress
    invitation: Invitation
    privacy_notice: PrivacyNotice
    extra: dict[str, Any] = field(default_factory=dict)

    def user(self, role: str) -> User:
        return self.users[role]


def with_mfa(user: User) -> User:
    """Give a user a TOTP authenticator and recovery codes, as municipality staff must have."""
    TOTP.activate(user, generate_totp_secret())
    RecoveryCodes.activate(user)
    return user


def _new_user(**fields: Any) -> User:
    return UserFactory(**fields)  # type: ignore[return-value]


def _member(**fields: Any) -> User:
    """The user of a new organization membership (``role``, ``organization``, ``user``)."""
    membership: Membership = MembershipFactory(**fields)  # type: ignore[assignment]
    return membership.user


def build_dataset() -> Dataset:
    municipality: Municipality = MunicipalityFactory(is_pilot=True)  # type: ignore[assignment]
    units = UnitFactory.create_batch(6, municipality=municipality)
    MunicipalityFactory.create_batch(40)
    plan = build_plan(
        municipality=municipality,
        aims=4,
        objectives_per_aim=3,
        indicators_per_objective=4,
        activities_per_objective=2,
        unit=units[0],
    )
    build_plan(municipality=municipality, start_year=2020, status=StrategicPlan.Status.ARCHIVED)
    draft_plan = build_plan(
        municipality=municipality, start_year=2030, status=StrategicPlan.Status.DRAFT
    )
    organizations = OrganizationFactory.create_batch(30, municipality=municipality)
    organization = organizations[0]
    pending = OrganizationFactory.create_batch(30, verification=Organization.Verification.PENDING)
    pending_organization = pending[0]

    citizen = _new_user()
    users: dict[str, User] = {
        "citizen": citizen,
        "org_member": _member(organization=organization),
        "org_admin": _member(organization=organization, role=Membership.Role.ORGANIZATION_ADMIN),
        "pending_org_admin": _member(
            organization=pending_organization, role=Membership.Role.ORGANIZATION_ADMIN
        ),
        "editor": with_mfa(
            municipality_membership(Membership.Role.EDITOR, municipality=municipality).user
        ),
        "responder": with_mfa(
            municipality_membership(
                Membership.Role.RESPONDER, municipality=municipality, unit=units[0]
            ).user
        ),
        "municipality_admin": with_mfa(
            municipality_membership(
                Membership.Role.MUNICIPALITY_ADMIN, municipality=municipality
            ).user
        ),
        "staff_without_mfa": municipality_membership(
            Membership.Role.RESPONDER, municipality=municipality, unit=units[1]
        ).user,
        "moderator": with_mfa(_new_user(is_moderator=True)),
        "superuser": with_mfa(_new_user(is_superuser=True, is_staff=True)),
    }
    MembershipFactory.create_batch(25, organization=organization)
    for unit in units:
        municipality_membership(Membership.Role.RESPONDER, municipality=municipality, unit=unit)
    for other in organizations[1:6]:  # someone who belongs to many places
        _member(organization=other, user=users["org_admin"])
    invitations = [
        Invitation.objects.create(
            email=f"davetli{n}@example.org",
            role=Membership.Role.MEMBER,
            organization=organization,
            token=f"guard-invitation-{n}",
            invited_by=users["org_admin"],
            expires_at=timezone.now() + timedelta(days=7),
        )
        for n in range(10)
    ]
    for user in users.values():
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    unverified_email = EmailAddress.objects.create(
        user=citizen, email="yeni-adres@example.org", verified=False, primary=False
    )
    Notification.objects.bulk_create(
        Notification(
            recipient=citizen,
            actor=users["editor"],
            verb="test.unknown_verb",
            params={"n": n},
            url="/",
        )
        for n in range(40)
    )
    return Dataset(
        users=users,
        municipality=municipality,
        units=units,
        plan=plan,
        draft_plan=draft_plan,
        organization=organization,
        pending_organization=pending_organization,
        unverified_email=unverified_email,
        invitation=invitations[0],
        privacy_notice=PrivacyNotice.objects.order_by("-version").first()
        or PrivacyNotice.objects.create(version=1, text_tr="Aydınlatma metni.", text_en="Notice."),
    )


def sign_in(client: Client, user: User, *, reauthenticated: bool = False) -> None:
    """Log in as allauth would after a password (and, for MFA users, a TOTP code).

    ``reauthenticated``: the user has just confirmed their password again, as allauth asks
    before showing the MFA settings.
    """
    client.force_login(user, backend="allauth.account.auth_backends.AuthenticationBackend")
    now = time.time()
    records: list[dict[str, Any]] = [{"method": "password", "at": now, "email": user.email}]
    if reauthenticated:
        records.append({"method": "password", "at": now, "reauthenticated": True})
    totp = Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).first()
    if totp is not None:
        records.append({"method": "mfa", "at": now, "id": totp.pk, "type": "totp"})
    session = client.session
    session[AUTHENTICATION_METHODS_SESSION_KEY] = records
    session[_AUTHENTICATION_METHODS_USER_SESSION_KEY] = str(user.pk)
    session.save()


# --- The registry ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Representative:
    """How to request one URL: its kwargs from the dataset, as whom, and the expected status."""

    kwargs: Callable[[Dataset], dict[str, Any]] = lambda d: {}
    user: str | None = None  # a key of Dataset.users; None is an anonymous visitor
    reauthenticated: bool = False  # the user has just re-entered the password (MFA settings)
    status: int = 200
    query: str | Callable[[Dataset], str] = ""  # the query string, or how to build it
    # The application cache is cleared before the measured request (pages that cache are measured
    # cold), except for pages whose data lives in the cache (an uploaded file awaiting import).
    clear_cache: bool = True
    # A higher budget than MAX_QUERIES for this page. Only as a recorded decision of the
    # coordinator, with the reason in ``note``; the default is the project's budget.
    max_queries: int | None = None
    note: str = ""


def _password_reset_kwargs(d: Dataset) -> dict[str, Any]:
    user = d.user("citizen")
    return {"uidb36": user_pk_to_url_str(user), "key": default_token_generator.make_token(user)}


def _municipality(d: Dataset) -> dict[str, Any]:
    return {"slug": d.municipality.slug}


def _organization(d: Dataset) -> dict[str, Any]:
    return {"slug": d.organization.slug}


def _plan(d: Dataset) -> dict[str, Any]:
    return {"slug": d.municipality.slug, "start": d.plan.start_year, "end": d.plan.end_year}


def _draft(d: Dataset) -> dict[str, Any]:
    plan = d.draft_plan
    return {"slug": d.municipality.slug, "start": plan.start_year, "end": plan.end_year}


def _draft_node(code: str) -> Callable[[Dataset], dict[str, Any]]:
    return lambda d: {**_draft(d), "code": code}


def _activity(d: Dataset) -> dict[str, Any]:
    activity = Activity.objects.filter(plan=d.plan).order_by("pk").first()
    assert activity is not None
    return {**_plan(d), "pk": activity.pk}


def _import_preview(d: Dataset) -> dict[str, Any]:
    """The adopted plan's own workbook, uploaded again by its editor: the preview of an update."""
    token = keep_upload(
        user=d.user("editor"),
        municipality_id=d.municipality.pk,
        upload=StoredUpload(
            content=export_plan(d.plan, "xlsx"), filename="plan.xlsx", plan_id=d.plan.pk
        ),
    )
    return {"slug": d.municipality.slug, "token": token}


def _target_objective(d: Dataset) -> str:
    """``?hedef=objective:<id>``: the plan node a new contribution is about."""
    kind, node_id = participation_data(d)["node"]
    return f"hedef={kind}:{node_id}"


def _report(d: Dataset) -> dict[str, Any]:
    return {**_plan(d), "kind": "evaluation", "period": str(d.plan.start_year)}


def _report_being_drawn(d: Dataset) -> dict[str, Any]:
    GeneratedReport.objects.get_or_create(
        plan=d.plan,
        kind="evaluation",
        period=str(d.plan.start_year),
        language="tr",
        format="pdf",
        defaults={"status": GeneratedReport.Status.RUNNING, "progress": 40},
    )
    return {**_report(d), "fmt": "pdf"}


_ANONYMOUS = Representative()

REPRESENTATIVES: dict[str, Representative] = {
    # Project pages
    "home": _ANONYMOUS,
    "javascript-catalog": _ANONYMOUS,
    # Municipalities and organizations
    "organizations:municipality_list": _ANONYMOUS,
    "organizations:municipality_detail": Representative(_municipality),
    "organizations:municipality_staff": Representative(_municipality, user="municipality_admin"),
    "organizations:municipality_units": Representative(_municipality, user="municipality_admin"),
    "organizations:unit_edit": Representative(
        lambda d: {**_municipality(d), "pk": d.units[0].pk}, user="municipality_admin"
    ),
    "organizations:organization_list": _ANONYMOUS,
    "organizations:organization_register": Representative(user="citizen"),
    "organizations:moderation_queue": Representative(user="moderator"),
    "organizations:organization_detail": Representative(_organization),
    "organizations:organization_edit": Representative(_organization, user="org_admin"),
    "organizations:organization_members": Representative(_organization, user="org_admin"),
    "organizations:organization_review": Representative(
        lambda d: {"slug": d.pending_organization.slug}, user="moderator"
    ),
    "organizations:invitation": Representative(lambda d: {"token": d.invitation.token}),
    "organizations:my_memberships": Representative(user="org_admin"),
    # Strategic plans (public)
    "plans:plan_detail": Representative(_plan),
    "plans:aim_detail": Representative(lambda d: {**_plan(d), "code": "2"}),
    "plans:objective_detail": Representative(lambda d: {**_plan(d), "code": "2.2"}),
    "plans:indicator_detail": Representative(lambda d: {**_plan(d), "code": "2.2.2"}),
    "plans:activity_list": Representative(_plan),
    "plans:methodology": Representative(_plan),
    "plans:plan_export": Representative(lambda d: {**_plan(d), "fmt": "json"}),
    # Strategic plans (editors; structure is edited on the draft plan, figures on the adopted one)
    "plans:editor_plan_list": Representative(_municipality, user="editor"),
    "plans:plan_create": Representative(_municipality, user="editor"),
    "plans:editor_dashboard": Representative(_plan, user="editor"),
    "plans:editor_plan_details": Representative(_plan, user="editor"),
    "plans:editor_plan_delete": Representative(_draft, user="editor"),
    "plans:editor_plan_revision_create": Representative(_plan, user="editor"),
    "plans:editor_aim_create": Representative(_draft, user="editor"),
    "plans:editor_aim_edit": Representative(_draft_node("1"), user="editor"),
    "plans:editor_aim_delete": Representative(_draft_node("1"), user="editor"),
    "plans:editor_objective_create": Representative(_draft_node("1"), user="editor"),
    "plans:editor_objective_edit": Representative(_draft_node("1.1"), user="editor"),
    "plans:editor_objective_delete": Representative(_draft_node("1.1"), user="editor"),
    "plans:editor_indicator_create": Representative(_draft_node("1.1"), user="editor"),
    "plans:editor_indicator_edit": Representative(_draft_node("1.1.1"), user="editor"),
    "plans:editor_indicator_delete": Representative(_draft_node("1.1.1"), user="editor"),
    "plans:editor_activity_create": Representative(
        lambda d: {**_plan(d), "code": "1.1"}, user="editor"
    ),
    "plans:editor_indicator_targets": Representative(
        lambda d: {**_plan(d), "code": "2.2.2"}, user="editor"
    ),
    "plans:editor_measurements": Representative(
        lambda d: {**_plan(d), "code": "2.2.2"}, user="editor"
    ),
    "plans:editor_measurement_edit": Representative(
        lambda d: {**_plan(d), "code": "1.1.1", "period": str(d.plan.start_year)}, user="editor"
    ),
    "plans:editor_activity_edit": Representative(_activity, user="editor"),
    "plans:editor_activity_delete": Representative(_activity, user="editor"),
    # Import and export
    "plans:import_upload": Representative(_municipality, user="editor"),
    "plans:import_template": Representative(_municipality),
    "plans:import_preview": Representative(
        _import_preview,
        user="editor",
        clear_cache=False,
        note="the uploaded workbook waits in the cache under the token",
    ),
    "api:municipality_plans": Representative(_municipality),
    "api:plan_tree": Representative(
        lambda d: {"slug": d.municipality.slug, "period": d.plan.period_label}
    ),
    # Participation (data: ortak/participation/tests/guard.py)
    "participation:suggestion_create": Representative(user="citizen", query=_target_objective),
    "participation:offer_create": Representative(user="org_member", query=_target_objective),
    "participation:detail": Representative(pk_of("contribution"), user="responder"),
    "participation:edit": Representative(pk_of("own"), user="citizen"),
    "participation:flag": Representative(pk_of("contribution"), user="org_member"),
    "participation:flag_comment": Representative(pk_of("comment"), user="citizen"),
    "participation:attachment": Representative(pk_of("attachment")),
    "participation:node": Representative(node_kwargs),
    "participation:municipality": Representative(with_participation(_municipality)),
    "participation:mine": Representative(with_participation(), user="citizen"),
    "participation:inbox": Representative(with_participation(), user="responder"),
    "participation:moderation": Representative(with_participation(), user="moderator"),
    "participation:comparison": Representative(with_participation()),
    "participation:search": Representative(with_participation(), query="q=hedef"),
    # Monitoring and evaluation reports (the dataset's plan has 2025 and 2026-H1 values)
    "monitoring:report_list": Representative(_plan),
    "monitoring:report_detail": Representative(_report),
    "monitoring:report_progress": Representative(
        _report_being_drawn, note="a PDF being drawn: the waiting page"
    ),
    # Monitoring workflow and assessments (data: ortak/monitoring/tests/guard.py)
    "monitoring:dashboard": Representative(_municipality, user="editor"),
    "monitoring:measurement_form": Representative(value_form_kwargs, user="responder"),
    "monitoring:owner_form": Representative(
        lambda d: {k: v for k, v in value_form_kwargs(d).items() if k != "period"}, user="editor"
    ),
    "monitoring:calendar": Representative(_municipality, user="editor"),
    "monitoring:history": Representative(_plan),
    "monitoring:assessment_new": Representative(
        lambda d: {**_plan(d), "kind": "hedef", "code": "2.2"}, user="org_member"
    ),
    "monitoring:assessment_edit": Representative(assessment_kwargs, user="org_member"),
    "monitoring:assessment_reply": Representative(assessment_kwargs, user="editor"),
    # My account
    "accounts:profile": Representative(user="citizen"),
    "accounts:privacy": _ANONYMOUS,
    "accounts:privacy_version": Representative(lambda d: {"version": d.privacy_notice.version}),
    "accounts:privacy_accept": Representative(user="citizen"),
    "accounts:export_data": Representative(user="citizen"),
    "accounts:delete_account": Representative(user="citizen"),
    "accounts:mfa_required": Representative(user="staff_without_mfa"),
    "notifications:list": Representative(user="citizen"),
    "notifications:unsubscribe": Representative(
        kwargs=lambda d: {"token": make_unsubscribe_token(d.user("citizen").pk)}
    ),
    # Accounts (allauth)
    "account_login": _ANONYMOUS,
    "account_signup": _ANONYMOUS,
    "account_logout": Representative(user="citizen"),
    "account_inactive": _ANONYMOUS,
    "account_reauthenticate": Representative(user="citizen"),
    "account_email": Representative(user="citizen"),
    "account_email_verification_sent": _ANONYMOUS,
    "account_change_password": Representative(user="citizen"),
    "account_set_password": Representative(
        user="citizen", status=302, note="redirects to 'change password' when one is set"
    ),
    "account_reset_password": _ANONYMOUS,
    "account_reset_password_done": _ANONYMOUS,
    "account_reset_password_from_key": Representative(
        kwargs=_password_reset_kwargs,
        status=302,
        note="a valid key is moved into the session, then the key-less URL is shown",
    ),
    "account_reset_password_from_key_done": _ANONYMOUS,
    "account_confirm_email": Representative(
        kwargs=lambda d: {"key": EmailConfirmationHMAC(d.unverified_email).key}
    ),
    "mfa_index": Representative(user="editor"),
    "mfa_reauthenticate": Representative(user="editor"),
    "mfa_activate_totp": Representative(user="citizen", reauthenticated=True),
    "mfa_deactivate_totp": Representative(user="editor", reauthenticated=True),
    "mfa_view_recovery_codes": Representative(user="editor", reauthenticated=True),
    "mfa_generate_recovery_codes": Representative(user="editor", reauthenticated=True),
    "mfa_download_recovery_codes": Representative(user="editor", reauthenticated=True),
}

SKIPPED: dict[str, str] = {
    "set_language": "POST-only: the language switcher's form target",
    "notifications:mark_all_read": "POST-only",
    "organizations:unit_delete": "POST-only",
    "organizations:membership_role": "POST-only",
    "organizations:membership_remove": "POST-only",
    "organizations:invitation_revoke": "POST-only",
    "plans:editor_plan_status": "POST-only (the status buttons on the editor dashboard)",
    "notifications:settings": "POST-only",
    "participation:answer": "POST-only",
    "participation:route": "POST-only",
    "participation:support": "POST-only",
    "participation:comment": "POST-only",
    "participation:reply": "POST-only",
    "participation:node_comment": "POST-only",
    "participation:follow": "POST-only",
    "participation:decide": "POST-only",
    "monitoring:report_download": "a file download (PDF/XLSX), or a redirect to its progress page",
    "monitoring:submit": "POST-only (the dashboard's submit buttons)",
    "monitoring:publish": "POST-only (the dashboard's publish form)",
    "monitoring:send_back": "POST-only (the value form's send-back form)",
    "monitoring:period_due_date": "POST-only (the calendar's per-period forms)",
    "monitoring:assessment_delete": "POST-only (the withdraw button)",
    "monitoring:assessment_evidence": "a file download, served as an attachment",
    "account_confirm_login_code": "only inside a login-by-code flow, which is switched off",
    "mfa_authenticate": "only between the password and the second factor of a login",
    "api:api-root": "API docs (django-ninja's index)",
    "api:openapi-json": "API docs (the OpenAPI document)",
    "api:openapi-view": "API docs (Swagger UI page)",
}

# Whole namespaces that are not the platform's pages. Unnamed patterns inside them are skipped too.
SKIPPED_NAMESPACES: dict[str, str] = {
    "admin": "Django admin: staff-only back office under /yonetim/, not a public page",
}
