"""Demo participation for the pilot municipalities: suggestions, cooperation offers, answers
(most in time, some late, some missing), comments and supports, so that the inbox, the lists and
the responsiveness figures are not empty.

Called by the demo app's step registry (``ortak/demo/steps/participation.py``)::

    load_participation_demo(context.out, users=context.users)

Like the other demo steps it writes rows directly (validated with ``full_clean``) instead of
calling the services: loading the demo must not notify or e-mail anyone. Then it refreshes the
stored figures and the search index of every pilot plan. Idempotent: a municipality that
already has demo contributions is left as it is. Deterministic: the random choices are seeded
by the municipality's slug.

Synthetic content in Turkish; it is data, not interface text, so it is not translated.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models, transaction
from django.utils import timezone

from ortak.organizations.models import Membership, Municipality, Organization
from ortak.participation import rules
from ortak.participation.models import Answer, Comment, Contribution, Support
from ortak.participation.search import index_contribution, reindex_plan
from ortak.participation.services.figures import refresh_figures
from ortak.participation.targets import Target, route
from ortak.plans.models import Activity, Aim, Indicator, NodeKind, Objective, StrategicPlan

Status = Contribution.Status
DEMO_DOMAIN = "@demo.ortak"
PER_MUNICIPALITY = 22

CITIZENS = [
    ("katilimci1@demo.ortak", "Hatice Demir"),
    ("katilimci2@demo.ortak", "Ali Kaya"),
    ("katilimci3@demo.ortak", "Fatma Şahin"),
    ("katilimci4@demo.ortak", "Mustafa Çelik"),
    ("katilimci5@demo.ortak", "Emine Yıldız"),
    ("katilimci6@demo.ortak", "Hüseyin Aydın"),
    ("katilimci7@demo.ortak", "Zehra Öztürk"),
    ("katilimci8@demo.ortak", "İbrahim Arslan"),
    ("katilimci9@demo.ortak", "Gülşen Doğan"),
    ("katilimci10@demo.ortak", ""),
]

SUGGESTIONS = [
    (
        "Mahalle parklarına gölgelik ve içme suyu",
        "Yaz aylarında parklarımızda gölge yok; çocuklu aileler öğle saatlerinde parkı kullanamıyor. Oyun alanlarının yanına gölgelik ve çeşme konulmasını öneriyoruz.",
    ),
    (
        "Durak bekleme sürelerinin ekranlarda gösterilmesi",
        "Otobüs duraklarına, sıradaki aracın kaç dakika sonra geleceğini gösteren ekranlar konulsun. Özellikle yaşlılar için bekleme belirsizliği büyük sorun.",
    ),
    (
        "Engelli rampalarının düzenli denetlenmesi",
        "Kaldırım rampalarının bir kısmı araç parkı ya da tabelalar yüzünden kullanılamıyor. Yılda iki kez mahalle mahalle denetim yapılmasını ve sonuçların yayımlanmasını öneriyoruz.",
    ),
    (
        "Mahalle meclislerinin toplantı tarihlerinin önceden duyurulması",
        "Toplantılar çoğu zaman son gün duyuruluyor. En az iki hafta önce, belediyenin sitesinde ve muhtarlıklarda ilan edilsin.",
    ),
    (
        "Atık pil ve elektronik atık toplama noktaları",
        "Okulların ve muhtarlıkların önüne atık pil ve küçük elektronik atık kutuları konulsun; toplama takvimi de açıklansın.",
    ),
    (
        "Bisiklet park yerlerinin artırılması",
        "Kamu binalarının ve pazar yerlerinin önüne güvenli bisiklet park yerleri yapılmasını öneriyorum.",
    ),
    (
        "Gösterge değerlerinin mahalle bazında yayımlanması",
        "Bu göstergenin yalnızca ilçe geneli için değil, mahalle bazında da yayımlanması, hangi mahallelerin geride kaldığını görmemizi sağlar.",
    ),
    (
        "Kadın kooperatiflerine pazar yerinde ücretsiz tezgâh",
        "Semt pazarlarında kadın kooperatiflerine dönüşümlü olarak ücretsiz tezgâh ayrılmasını öneriyoruz.",
    ),
    (
        "Sokak hayvanları için besleme noktaları",
        "Parklarda belirli noktalara su ve mama kapları konulsun, gönüllülerle birlikte düzenli bakımı yapılsın.",
    ),
    (
        "Afet toplanma alanlarının tabelalarla gösterilmesi",
        "Toplanma alanlarının yeri birçok sokakta bilinmiyor. Ana caddelere yön tabelaları ve karekodlu harita konulmalı.",
    ),
    (
        "Gençlik merkezinin hafta sonu da açık olması",
        "Gençlik merkezi cumartesi ve pazar günleri kapalı; öğrenciler için en uygun zaman hafta sonu.",
    ),
    (
        "Faaliyet bütçesinin ayrıntılı paylaşılması",
        "Bu faaliyet için ayrılan bütçenin hangi kalemlere harcandığını üç ayda bir yayımlayın.",
    ),
    (
        "Yağmur suyu toplama sistemleri",
        "Yeni yapılan kamu binalarında yağmur suyu toplanıp park sulamasında kullanılsın.",
    ),
    (
        "Okul çevrelerinde hız kesiciler",
        "Okul giriş saatlerinde araçlar çok hızlı geçiyor; yaya geçitlerinin önüne hız kesici ve uyarı levhası konulsun.",
    ),
    (
        "Kütüphanelerin akşam saatlerinde açık olması",
        "Çalışan gençler ve yetişkinler için mahalle kütüphaneleri hafta içi 21.00'e kadar açık olsun.",
    ),
    (
        "Hedefin ölçülebilir hâle getirilmesi",
        "Bu hedefin göstergeleri yalnızca faaliyet sayısını ölçüyor; hizmetten yararlanan kişi sayısı da izlenmeli.",
    ),
]

OFFERS = [
    (
        "Ağaçlandırma için gönüllü ve fidan desteği",
        "Üyelerimizden 40 gönüllü ve 300 fidanla sonbahar dikim şenliğine katılmak istiyoruz.",
        ["volunteers", "in_kind"],
    ),
    (
        "Erişilebilirlik denetiminde uzmanlık",
        "Erişilebilirlik denetimi eğitimi almış üyelerimizle kamu binalarının denetimine destek verebiliriz.",
        ["expertise", "volunteers"],
    ),
    (
        "Mahalle buluşmaları için toplantı salonu",
        "Derneğimizin 80 kişilik salonunu mahalle toplantıları için ücretsiz kullanıma açabiliriz.",
        ["venue"],
    ),
    (
        "Göstergeler için saha verisi",
        "Yürüttüğümüz anketlerin anonim sonuçlarını bu göstergenin izlenmesi için paylaşabiliriz.",
        ["data", "expertise"],
    ),
    (
        "Ortak proje başvurusu",
        "Bu faaliyet için bir AB hibe programına birlikte başvurmayı ve projeyi ortak yürütmeyi öneriyoruz.",
        ["co_implementation", "funding"],
    ),
]

ANSWERS: dict[str, str] = {
    Status.UNDER_REVIEW: "Öneriniz ilgili birimimize iletildi ve inceleniyor. Değerlendirme tamamlandığında size bilgi vereceğiz.",
    Status.ACCEPTED: "Öneriniz uygun bulunmuştur; gelecek yılın performans programına alınacaktır.",
    Status.PARTLY_ACCEPTED: "Önerinizin bir bölümü bu yıl uygulanacak; kalan kısmı bütçe imkânlarına göre değerlendirilecektir.",
    Status.DECLINED: "Önerinizi dikkatle inceledik; ancak şu aşamada uygulanamamaktadır.",
    Status.IMPLEMENTED: "Öneriniz hayata geçirilmiştir. Katkınız için teşekkür ederiz.",
}
DECLINE_REASONS = [
    "Alan, imar planında farklı bir kullanıma ayrılmıştır.",
    "Bu hizmet büyükşehir belediyesinin yetkisindedir; öneriniz ilgili kuruma iletilmiştir.",
    "Bu yılın bütçesinde karşılığı bulunmamaktadır.",
]
COMMENTS = [
    "Kesinlikle katılıyorum, bizim mahallede de aynı sorun var.",
    "Benzer bir uygulama komşu ilçede çok iyi sonuç verdi.",
    "Maliyeti ne olur, bilgisi olan var mı?",
    "Muhtarlığımız da bu konuda dilekçe vermişti.",
    "Bence önce en çok ihtiyaç olan mahallelerden başlanmalı.",
    "Belediyenin yanıtını merak ediyoruz.",
]
REPLIES = [
    "Haklısınız, takipçisi olalım.",
    "Geçen ay meclis toplantısında da konuşuldu.",
    "Katılıyorum.",
]


@dataclass(frozen=True)
class DemoParticipationReport:
    municipalities: int
    contributions: int
    answers: int
    comments: int


def _citizens() -> list[Any]:
    User = get_user_model()
    users = []
    for email, name in CITIZENS:
        user = User.objects.filter(email=email).first()
        if user is None:
            user = User.objects.create_user(email, None, display_name=name)
        users.append(user)
    return users


def _nodes(plan: StrategicPlan) -> list[tuple[str, models.Model]]:
    """The plan's nodes, weighted towards objectives, indicators and activities."""
    objectives = list(Objective.objects.filter(plan=plan).order_by("id"))
    indicators = list(Indicator.objects.filter(plan=plan).order_by("id"))
    activities = list(Activity.objects.filter(plan=plan).order_by("id"))
    aims = list(Aim.objects.filter(plan=plan).order_by("id"))
    nodes: list[tuple[str, models.Model]] = [(NodeKind.PLAN, plan)]
    nodes += [(NodeKind.AIM, aim) for aim in aims]
    nodes += [(NodeKind.OBJECTIVE, o) for o in objectives] * 3
    nodes += [(NodeKind.INDICATOR, i) for i in indicators]
    nodes += [(NodeKind.ACTIVITY, a) for a in activities] * 2
    return nodes


def _answer_plan(rng: random.Random, age_days: int, deadline: int) -> list[tuple[int, str]]:
    """(day after receipt, status) steps: in time mostly, some late, some never answered."""
    roll = rng.random()
    if roll < 0.15:
        return []  # no answer (overdue when older than the deadline)
    first = (
        rng.randint(1, deadline - 2) if roll < 0.75 else rng.randint(deadline + 1, deadline + 25)
    )
    if first >= age_days:
        return []  # too recent for the answer it would get
    steps: list[tuple[int, str]] = [(first, Status.UNDER_REVIEW)]
    decision_day = first + rng.randint(3, 30)
    if decision_day < age_days and rng.random() < 0.7:
        decision = rng.choice(
            [Status.ACCEPTED, Status.ACCEPTED, Status.PARTLY_ACCEPTED, Status.DECLINED]
        )
        steps.append((decision_day, decision))
        done_day = decision_day + rng.randint(20, 60)
        if decision == Status.ACCEPTED and done_day < age_days and rng.random() < 0.5:
            steps.append((done_day, Status.IMPLEMENTED))
    return steps


def _write_answers(
    contribution: Contribution,
    steps: list[tuple[int, str]],
    rng: random.Random,
    activities: list[Activity],
    responder: Any,
) -> int:
    for day, status in steps:
        at = contribution.created_at + timedelta(days=day, hours=rng.randint(1, 8))
        activity = None
        if status == Status.IMPLEMENTED:
            activity = rng.choice(activities) if activities else None
            if activity is None:
                continue
        answer = Answer(
            contribution=contribution,
            status=status,
            text=ANSWERS[status],
            reason=rng.choice(DECLINE_REASONS) if status == Status.DECLINED else "",
            activity=activity,
            author=responder,
            unit=contribution.unit,
            created_at=at,
        )
        answer.full_clean()
        answer.save()
        if contribution.first_answered_at is None:
            contribution.first_answered_at = at
            contribution.answered_within_deadline = rules.answered_in_time(
                due=contribution.due_at, first_answered_at=at
            )
        contribution.status = status
        contribution.implementing_activity = activity or contribution.implementing_activity
    contribution.save()
    return len(steps)


def _discuss(contribution: Contribution, rng: random.Random, people: list[Any]) -> int:
    written = 0
    for n in range(rng.choice([0, 0, 1, 2, 3])):
        top = Comment(
            plan_id=contribution.plan_id,
            node_kind=contribution.node_kind,
            node_id=contribution.node_id,
            contribution=contribution,
            author=rng.choice(people),
            text=rng.choice(COMMENTS),
        )
        top.full_clean()
        top.save()
        written += 1
        if n == 0 and rng.random() < 0.5:
            reply = Comment(
                plan_id=top.plan_id,
                node_kind=top.node_kind,
                node_id=top.node_id,
                contribution=contribution,
                parent=top,
                author=rng.choice(people),
                text=rng.choice(REPLIES),
            )
            reply.full_clean()
            reply.save()
            written += 1
    contribution.comment_count = written
    supporters = [p for p in people if p.pk != contribution.author_id]
    if contribution.is_suggestion:
        chosen = rng.sample(supporters, k=rng.randint(0, min(6, len(supporters))))
        Support.objects.bulk_create(Support(user=u, contribution=contribution) for u in chosen)
        contribution.support_count = len(chosen)
    contribution.save(update_fields=["comment_count", "support_count"])
    return written


def _responder_here(users: dict[str, Any], municipality: Municipality) -> tuple[Any, Any]:
    """The demo responder and their unit, when they work for this municipality."""
    responder = users.get("responder")
    if responder is None:
        return None, None
    membership = (
        Membership.objects.filter(user=responder, municipality=municipality)
        .select_related("unit")
        .first()
    )
    if membership is None:
        return None, None
    return responder, membership.unit


def _load_municipality(
    municipality: Municipality, plan: StrategicPlan, people: list[Any], users: dict[str, Any]
) -> tuple[int, int, int]:
    rng = random.Random(f"ortak-participation-{municipality.slug}")  # noqa: S311 - demo data
    nodes = _nodes(plan)
    activities = list(Activity.objects.filter(plan=plan).order_by("id"))
    organizations = list(
        Organization.objects.filter(
            municipality=municipality, verification=Organization.Verification.VERIFIED
        ).order_by("id")
    )
    members = {
        membership.organization_id: membership.user
        for membership in Membership.objects.filter(organization__in=organizations)
        .select_related("user")
        .order_by("-id")
    }
    responder, focus_unit = _responder_here(users, municipality)
    deadline = rules.deadline_days(
        municipality.answer_deadline_days,
        int(getattr(settings, "ORTAK_ANSWER_DEADLINE_DAYS", rules.LEGAL_DEADLINE_DAYS)),
    )
    now = timezone.now()
    counts = [0, 0, 0]
    for n in range(PER_MUNICIPALITY):
        kind, node = rng.choice(nodes)
        target = Target(kind=kind, node=node, plan=plan)
        age_days = rng.randint(1, 150)
        # Every third one goes to the demo responder's unit: two overdue, two fresh, the rest
        # as they come, so that the demo inbox has work in it.
        focused = focus_unit is not None and n % 3 == 0
        if focused and n // 3 < 2:
            age_days = rng.randint(deadline + 5, deadline + 40)
        elif focused and n // 3 < 4:
            age_days = rng.randint(1, 10)
        received = now - timedelta(days=age_days, hours=rng.randint(0, 12))
        is_offer = bool(organizations) and n % 5 == 4
        organization = rng.choice(organizations) if organizations else None
        author = rng.choice(people)
        member = members.get(organization.pk) if organization else None
        if is_offer:
            title, text, offered = OFFERS[rng.randrange(len(OFFERS))]
            author = member or author
            contribution = Contribution(
                kind=Contribution.Kind.OFFER,
                organization=organization,
                offered=offered,
                contact_name="Demo İletişim Kişisi",
                contact_email="iletisim@demo.ortak",
                period_start=(now + timedelta(days=30)).date(),
                period_end=(now + timedelta(days=120)).date(),
            )
        else:
            title, text = SUGGESTIONS[rng.randrange(len(SUGGESTIONS))]
            contribution = Contribution(
                kind=Contribution.Kind.SUGGESTION,
                organization=organization if organization and n % 7 == 3 else None,
            )
            if contribution.organization is not None:
                author = member or author
        contribution.title = title
        contribution.text = text
        contribution.plan = plan
        contribution.node_kind = kind
        contribution.node_id = node.pk
        contribution.municipality = municipality
        contribution.unit = focus_unit if focused else route(target)
        contribution.author = author
        contribution.created_at = received
        contribution.due_at = rules.due_at(received, deadline)
        contribution.full_clean()
        contribution.save()
        steps = [] if focused and n // 3 < 4 else _answer_plan(rng, age_days, deadline)
        counts[1] += _write_answers(contribution, steps, rng, activities, responder)
        counts[2] += _discuss(contribution, rng, people)
        index_contribution(contribution)
        counts[0] += 1
    return counts[0], counts[1], counts[2]


def load_participation_demo(
    out: Callable[[str], None] = print, *, users: dict[str, Any] | None = None
) -> DemoParticipationReport:
    """Contributions, answers and comments for every pilot with a published plan."""
    users = users or {}
    people = _citizens() + [users[key] for key in ("citizen", "org_member") if key in users]
    totals = [0, 0, 0, 0]
    plans = StrategicPlan.objects.filter(
        municipality__is_pilot=True,
        status__in=[StrategicPlan.Status.CONSULTATION, StrategicPlan.Status.ADOPTED],
    ).select_related("municipality")
    for plan in plans.order_by("municipality__name_sort", "-start_year"):
        municipality = plan.municipality
        with transaction.atomic():
            reindex_plan(plan)
            already = Contribution.objects.filter(
                municipality=municipality, author__email__endswith=DEMO_DOMAIN
            ).exists()
            if already:
                continue
            written = _load_municipality(municipality, plan, people, users)
            refresh_figures(municipality_id=municipality.pk)
        totals[0] += 1
        totals[1] += written[0]
        totals[2] += written[1]
        totals[3] += written[2]
    report = DemoParticipationReport(*totals)
    out(
        f"  {report.contributions} contributions with {report.answers} answers and "
        f"{report.comments} comments for {report.municipalities} pilot municipalities"
    )
    return report
