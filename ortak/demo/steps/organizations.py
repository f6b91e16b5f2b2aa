"""Units of the pilot municipalities, organizations in the pilot cities, and the demo roles.

The demo writes seed data directly (validated with ``full_clean``), not through the services:
loading it must not notify moderators or e-mail anyone. Rows are found by natural keys (slugs),
so a second run updates instead of duplicating.

Unit slugs are ``ortak.core.turkish.slugify(name)``; later steps can look units up with
``Unit.objects.get(municipality__slug="yenimahalle", slug="park-ve-bahceler-mudurlugu")``.
"""

from __future__ import annotations

from typing import Any

from django.db import models
from django.utils import timezone

from ortak.core.turkish import slugify
from ortak.demo.context import DemoContext
from ortak.demo.steps import step
from ortak.organizations.models import Membership, Municipality, Organization, Unit

Role = Membership.Role

DISTRICT_UNITS = [
    "Fen İşleri Müdürlüğü",
    "Park ve Bahçeler Müdürlüğü",
    "Çevre Koruma ve Kontrol Müdürlüğü",
    "Kültür ve Sosyal İşler Müdürlüğü",
    "Sosyal Destek Hizmetleri Müdürlüğü",
    "İmar ve Şehircilik Müdürlüğü",
    "Temizlik İşleri Müdürlüğü",
    "Zabıta Müdürlüğü",
    "Bilgi İşlem Müdürlüğü",
    "Mali Hizmetler Müdürlüğü",
    "İnsan Kaynakları ve Eğitim Müdürlüğü",
]
METROPOLITAN_UNITS = [
    "Fen İşleri Dairesi Başkanlığı",
    "Park ve Bahçeler Dairesi Başkanlığı",
    "Çevre Koruma ve Kontrol Dairesi Başkanlığı",
    "Kültür ve Sosyal İşler Dairesi Başkanlığı",
    "Sosyal Hizmetler Dairesi Başkanlığı",
    "Kadın ve Aile Hizmetleri Dairesi Başkanlığı",
    "İmar ve Şehircilik Dairesi Başkanlığı",
    "Ulaşım Dairesi Başkanlığı",
    "İtfaiye Dairesi Başkanlığı",
    "Bilgi İşlem Dairesi Başkanlığı",
    "Mali Hizmetler Dairesi Başkanlığı",
]

DEMO_NOTE = "Bu kuruluş, Ortak'ın tanıtım verisidir."

# slug, name, kind, municipality slug, verified?, fields of activity, description
ORGANIZATIONS: list[tuple[str, str, str, str, bool, list[str], str]] = [
    ("yenimahalle-kent-konseyi", "Yenimahalle Kent Konseyi", "city_council", "yenimahalle", True,
     ["transparency", "urban"], "Kent konseyi; mahalle meclisleri, kadın, gençlik ve engelli meclisleriyle ilçenin katılım platformu."),
    ("ankara-engelsiz-yasam-dernegi", "Ankara Engelsiz Yaşam Derneği", "association", "yenimahalle", True,
     ["disability", "social"], "Engelli bireylerin kamusal alanlara ve hizmetlere erişimini izler, belediyelerle erişilebilirlik projeleri yürütür."),
    ("adana-cevre-ve-doga-gonulluleri-dernegi", "Adana Çevre ve Doğa Gönüllüleri Derneği", "association", "adana-buyuksehir", True,
     ["environment"], "Seyhan kıyısında ağaçlandırma ve atık azaltma kampanyaları düzenler."),
    ("gaziantep-goc-ve-dayanisma-dernegi", "Gaziantep Göç ve Dayanışma Derneği", "association", "gaziantep-buyuksehir", True,
     ["refugees", "social"], "Göçmen ve mülteci aileler için danışmanlık, Türkçe kursları ve sosyal uyum etkinlikleri."),
    ("maltepe-genclik-platformu", "Maltepe Gençlik Platformu", "platform", "maltepe", True,
     ["children_youth", "sports"], "Gençlerin yerel karar süreçlerine katılımı için gönüllü bir girişim."),
    ("karsiyaka-kadin-emegi-kooperatifi", "Karşıyaka Kadın Emeği Kooperatifi", "cooperative", "karsiyaka", True,
     ["women", "economy"], "Kadın üreticilerin ürünlerini pazarlayan ve kooperatifçilik eğitimi veren bir kooperatif."),
    ("van-kadin-dayanisma-vakfi", "Van Kadın Dayanışma Vakfı", "foundation", "van-buyuksehir", True,
     ["women", "human_rights"], "Kadınların toplumsal yaşama katılımını güçlendiren eğitim ve dayanışma programları."),
    ("yalova-afete-hazirlik-platformu", "Yalova Afete Hazırlık Platformu", "platform", "yalova", True,
     ["disaster"], "Mahalle afet gönüllüleri yetiştirir, toplanma alanlarını izler."),
    ("kars-kultur-ve-turizm-dernegi", "Kars Kültür ve Turizm Derneği", "association", "kars", False,
     ["culture", "economy"], "Kentin tarihî mirasını tanıtan rotalar ve etkinlikler hazırlar."),
    ("sinop-kiyi-ve-deniz-koruma-dernegi", "Sinop Kıyı ve Deniz Koruma Derneği", "association", "sinop", False,
     ["environment", "disaster"], "Kıyı temizliği, deniz canlılarını izleme ve çevre eğitimi."),
    ("burdur-egitim-gonulluleri-dernegi", "Burdur Eğitim Gönüllüleri Derneği", "association", "burdur", False,
     ["education", "children_youth"], "Köy okullarına kitap ve gönüllü eğitmen desteği."),
]  # fmt: skip


# The demo organization admin runs these two: one verified, one still pending.
ADMINISTERED = {"ankara-engelsiz-yasam-dernegi", "burdur-egitim-gonulluleri-dernegi"}


def _upsert(model: type[models.Model], lookup: dict[str, Any], values: dict[str, Any]) -> Any:
    """Create or update one row by its natural key, validated before it is saved."""
    row = model._default_manager.filter(**lookup).first() or model(**lookup)
    for field, value in values.items():
        setattr(row, field, value)
    row.full_clean()
    row.save()
    return row


def _load_units() -> None:
    for municipality in Municipality.objects.filter(is_pilot=True):
        names = (
            METROPOLITAN_UNITS
            if municipality.kind == Municipality.Kind.METROPOLITAN
            else DISTRICT_UNITS
        )
        for name in names:
            _upsert(Unit, {"municipality": municipality, "slug": slugify(name)}, {"name": name})


def _load_organizations(context: DemoContext) -> dict[str, Organization]:
    moderator = context.user("moderator")
    municipalities = {m.slug: m for m in Municipality.objects.select_related("province")}
    organizations = {}
    for slug, name, kind, municipality_slug, verified, fields, description in ORGANIZATIONS:
        municipality = municipalities[municipality_slug]
        existing = Organization.objects.filter(slug=slug).first()
        values: dict[str, Any] = {
            "name": name,
            "kind": kind,
            "province": municipality.province,
            "municipality": municipality,
            "fields_of_activity": fields,
            "description": f"{description} {DEMO_NOTE}",
            "created_by": context.user("org_admin") if slug in ADMINISTERED else None,
        }
        if existing is None or existing.verification == Organization.Verification.PENDING:
            # Keep a decision taken while trying the demo; set the initial state otherwise.
            values.update(
                verification="verified" if verified else "pending",
                verified_by=moderator if verified else None,
                verified_at=timezone.now() if verified else None,
                verification_note="",
            )
        organizations[slug] = _upsert(Organization, {"slug": slug}, values)
    return organizations


def _ensure_membership(user: Any, role: str, **target: Any) -> None:
    unit = target.pop("unit", None)
    _upsert(Membership, {"user": user, **target}, {"role": role, "unit": unit})


@step(order=20, name="organizations")
def load_organizations(context: DemoContext) -> None:
    """Units of the pilot municipalities, organizations in pilot cities, demo roles."""
    _load_units()
    organizations = _load_organizations(context)
    yenimahalle = Municipality.objects.get(slug="yenimahalle")
    parks = Unit.objects.get(municipality=yenimahalle, slug="park-ve-bahceler-mudurlugu")
    association = organizations["ankara-engelsiz-yasam-dernegi"]
    pending = organizations["burdur-egitim-gonulluleri-dernegi"]

    _ensure_membership(context.user("editor"), Role.EDITOR, municipality=yenimahalle)
    _ensure_membership(
        context.user("responder"), Role.RESPONDER, municipality=yenimahalle, unit=parks
    )
    _ensure_membership(
        context.user("municipality_admin"), Role.MUNICIPALITY_ADMIN, municipality=yenimahalle
    )
    _ensure_membership(context.user("org_admin"), Role.ORGANIZATION_ADMIN, organization=association)
    _ensure_membership(context.user("org_admin"), Role.ORGANIZATION_ADMIN, organization=pending)
    _ensure_membership(
        context.user("org_representative"), Role.REPRESENTATIVE, organization=association
    )
    _ensure_membership(context.user("org_member"), Role.MEMBER, organization=association)

    context.objects.update(
        municipality=yenimahalle,
        unit=parks,
        organization=association,
        pending_organization=pending,
        organizations=organizations,
    )
    context.out(
        f"  {Unit.objects.filter(municipality__is_pilot=True).count()} units in the pilot "
        f"municipalities, {len(organizations)} organizations "
        f"({sum(o.is_verified for o in organizations.values())} verified)"
    )
