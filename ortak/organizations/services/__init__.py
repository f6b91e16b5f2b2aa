"""Every state change of organizations, memberships, invitations and units (STYLE rule 1).

Each service is one transaction, checks its permission with ``permissions.py`` (raising
``PermissionDenied``), validates with ``full_clean()``, leaves an audit row and sends its side
effects (notifications, e-mail) only after commit.
"""

from ortak.organizations.services._common import (
    INVITATION_VALID_DAYS,
    RESERVED_SLUGS,
    organization_slug,
)
from ortak.organizations.services.memberships import (
    accept_invitation,
    change_membership_role,
    invite_member,
    remove_membership,
    revoke_invitation,
)
from ortak.organizations.services.organizations import (
    ORGANIZATION_PROFILE_FIELDS,
    register_organization,
    reject_organization,
    resubmit_organization,
    update_organization,
    verify_organization,
)
from ortak.organizations.services.units import create_unit, delete_unit, update_unit

__all__ = [
    "INVITATION_VALID_DAYS",
    "ORGANIZATION_PROFILE_FIELDS",
    "RESERVED_SLUGS",
    "accept_invitation",
    "change_membership_role",
    "create_unit",
    "delete_unit",
    "invite_member",
    "organization_slug",
    "register_organization",
    "reject_organization",
    "remove_membership",
    "resubmit_organization",
    "revoke_invitation",
    "update_organization",
    "update_unit",
    "verify_organization",
]
