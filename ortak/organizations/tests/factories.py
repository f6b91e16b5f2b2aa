import factory
from django.utils import timezone

from ortak.accounts.tests.factories import UserFactory
from ortak.organizations.models import Membership, Municipality, Organization, Province, Unit


class ProvinceFactory(factory.django.DjangoModelFactory):
    """Provinces are reference data loaded by a migration; tests reuse them by plate code."""

    class Meta:
        model = Province
        django_get_or_create = ("code",)

    code = 6
    name = "Ankara"
    slug = "ankara"


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Municipality

    name = factory.Sequence(lambda n: f"Deneme {n} Belediyesi")
    slug = factory.Sequence(lambda n: f"deneme-{n}")
    kind = Municipality.Kind.DISTRICT
    province = factory.SubFactory(ProvinceFactory)
    population = 120_000
    population_year = 2024


class UnitFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Unit

    municipality = factory.SubFactory(MunicipalityFactory)
    name = factory.Sequence(lambda n: f"Birim {n} Müdürlüğü")
    slug = factory.Sequence(lambda n: f"birim-{n}")


class OrganizationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organization

    name = factory.Sequence(lambda n: f"Kent Gönüllüleri Derneği {n}")
    slug = factory.Sequence(lambda n: f"kent-gonulluleri-{n}")
    kind = Organization.Kind.ASSOCIATION
    province = factory.SubFactory(ProvinceFactory)
    verification = Organization.Verification.VERIFIED
    # A decided organization carries its decision's date, and a rejection its reason (DB checks).
    verified_at = factory.LazyAttribute(
        lambda o: None if o.verification == Organization.Verification.PENDING else timezone.now()
    )
    verification_note = factory.LazyAttribute(
        lambda o: (
            "Derneği kayıtlarda bulamadık."
            if o.verification == Organization.Verification.REJECTED
            else ""
        )
    )


class MembershipFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Membership

    user = factory.SubFactory(UserFactory)
    role = Membership.Role.MEMBER
    organization = factory.SubFactory(OrganizationFactory)
    municipality = None


def municipality_membership(role: str, municipality=None, unit=None, user=None) -> Membership:  # type: ignore[no-untyped-def]
    """A user holding a municipality role (editor, responder, municipality_admin)."""
    return MembershipFactory(  # type: ignore[return-value]
        user=user or UserFactory(),
        role=role,
        municipality=municipality or MunicipalityFactory(),
        organization=None,
        unit=unit,
    )
