"""Pages of municipalities and organizations: parse input, call a service or selector, render.

Municipality pages answer 403 to a role holder without MFA; the accounts app's
StaffMFAMiddleware turns that answer into its "set up two-factor authentication" page.
"""

from ortak.organizations.views.members import (
    invitation,
    invitation_revoke,
    membership_remove,
    membership_role,
    municipality_staff,
    my_memberships,
    organization_members,
)
from ortak.organizations.views.organizations import (
    moderation_queue,
    organization_edit,
    organization_register,
    organization_review,
)
from ortak.organizations.views.public import (
    home,
    municipality_detail,
    municipality_list,
    organization_detail,
    organization_list,
)
from ortak.organizations.views.units import municipality_units, unit_delete, unit_edit

__all__ = [
    "home",
    "invitation",
    "invitation_revoke",
    "membership_remove",
    "membership_role",
    "moderation_queue",
    "municipality_detail",
    "municipality_list",
    "municipality_staff",
    "municipality_units",
    "my_memberships",
    "organization_detail",
    "organization_edit",
    "organization_list",
    "organization_members",
    "organization_register",
    "organization_review",
    "unit_delete",
    "unit_edit",
]
