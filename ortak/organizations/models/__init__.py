"""Provinces, municipalities and their units, civil-society organizations, and memberships."""

from ortak.organizations.models.memberships import (
    Invitation,
    Membership,
    validate_unit_in_municipality,
)
from ortak.organizations.models.organizations import FieldOfActivity, Organization
from ortak.organizations.models.places import (
    PLAN_REQUIRED_POPULATION,
    Municipality,
    Province,
    SearchableName,
    Unit,
)

__all__ = [
    "PLAN_REQUIRED_POPULATION",
    "FieldOfActivity",
    "Invitation",
    "Membership",
    "Municipality",
    "Organization",
    "Province",
    "SearchableName",
    "Unit",
    "validate_unit_in_municipality",
]
