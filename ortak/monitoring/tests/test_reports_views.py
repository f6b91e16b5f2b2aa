"""Report pages and downloads: who sees what, kept files and their fingerprint, the task and its
progress page, failures, and the cost in queries."""

from __future__ import annotations

import datetime
import io
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any, cast

import pytest
from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook

from ortak.accounts.tests.factories import UserFactory
from ortak.audit.models import AuditEvent
from ortak.monitoring.models import GeneratedReport
from ortak.monitoring.reports.periods import ReportKind, ReportPeriod
from ortak.monitoring.services import reports as report_services
from ortak.monitoring.services.reports import STALLED_AFTER, claim_report, draw_report
from ortak.monitoring.tasks_reports import ReportDrawingFailed, draw_report_task
from ortak.monitoring.tests.test_reports_data import assess, report_plan
from ortak.organizations.models import Municipality, Organization
from ortak.organizations.tests.factories import MunicipalityFactory, OrganizationFactory
from ortak.participation.models import ResponsivenessFigure
from ortak.plans.aggregates import recompute_plan
from ortak.plans.models import Indicator, StrategicPlan
from ortak.plans.tests.factories import plan_editor

pytestmark = pytest.mark.django_db

EVALUATION_2025 = ReportPeriod(2025, ReportKind.EVALUATION)
MONITORING_2026 = ReportPeriod(2026, ReportKind.MONITORING)


def _args(plan: StrategicPlan, period: ReportPeriod | None = None) -> dict[str, Any]:
    args: dict[str, Any] = {
        "slug": plan.municipality.slug,
        "start": plan.start_year,
        "end": plan.end_year,
    }
    if period is not None:
        args.update(kind=period.kind, period=period.text)
    return args


def list_url(plan: StrategicPlan) -> str:
    return reverse("monitoring:report_list", kwargs=_args(plan))


def detail_url(plan: StrategicPlan, period: ReportPeriod = EVALUATION_2025) -> str:
    return reverse("monitoring:report_detail", kwargs=_args(plan, period))


def download_url(
    plan: StrategicPlan, fmt: str = "pdf", period: ReportPeriod = EVALUATION_2025
) -> str:
    return reverse("monitoring:report_download", kwargs={**_args(plan, period), "fmt": fmt})


def progress_url(
    plan: StrategicPlan, fmt: str = "pdf", period: ReportPeriod = EVALUATION_2025
) -> str:
    return reverse("monitoring:report_progress", kwargs={**_args(plan, period), "fmt": fmt})


def text_of(response: Any) -> str:
    html = response.content.decode()
    html = re.sub(r"<(script|svg)\b.*?</\1>", " ", html, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", html).split())


def _kept(plan: StrategicPlan, fmt: str = "pdf", language: str = "tr") -> GeneratedReport:
    return GeneratedReport.objects.get(
        plan=plan, kind="evaluation", period="2025", format=fmt, language=language
    )


# --- Pages ----------------------------------------------------------------------------------------


def test_report_list_offers_each_period_with_data_as_page_pdf_and_xlsx(client: Client) -> None:
    plan = report_plan()

    response = client.get(list_url(plan))

    assert response.status_code == 200
    html = response.content.decode()
    for period in (MONITORING_2026, EVALUATION_2025):
        assert detail_url(plan, period) in html
        assert download_url(plan, "pdf", period) in html
        assert download_url(plan, "xlsx", period) in html
    assert html.index("izleme/2026-H1/") < html.index("degerlendirme/2025/")


def test_report_page_shows_the_tables_figures_and_the_explicit_notes(client: Client) -> None:
    plan = report_plan()

    response = client.get(detail_url(plan), HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 200
    html = response.content.decode()
    text = text_of(response)
    assert "Evaluation report 2025" in text
    assert "İşçi sağlığını ve güvenliğini güçlendirmek" in text
    assert html.count('<tr data-indicator="') == 12
    assert html.count("<figure") == 2
    assert html.count("<figcaption") == 2
    assert '<svg xmlns="http://www.w3.org/2000/svg" class="chart"' in html
    assert html.count("<caption") >= 3 + 4 * 2  # summary, aims, objectives; per objective two
    assert html.count('tabindex="0" role="region"') >= 3 + 4 * 2  # scrollable by keyboard
    assert "No civil-society organization has assessed" in text
    assert "has not received any suggestion or cooperation offer yet" in text
    assert download_url(plan, "pdf") in html
    assert ' style="' not in html  # CSP: no inline style


@pytest.mark.parametrize(
    "path",
    [
        "raporlar/izleme/2025/",  # a monitoring report covers January–June
        "raporlar/degerlendirme/2026-H1/",  # an evaluation report covers a year
        "raporlar/degerlendirme/2027/",  # no published value in 2027
        "raporlar/izleme/2031-H1/",  # outside the plan
    ],
)
def test_report_page_answers_404_for_a_period_it_does_not_have(client: Client, path: str) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)
    base = list_url(plan).removesuffix("raporlar/")

    assert client.get(base + path).status_code == 404
    assert client.get(base + path.rstrip("/") + ".pdf").status_code == 404


# --- Who sees what --------------------------------------------------------------------------------

ROLES: dict[str, Callable[[StrategicPlan], Any]] = {
    "visitor": lambda plan: None,
    "citizen": lambda plan: UserFactory(),
    "editor of another municipality": lambda plan: plan_editor(
        cast(Municipality, MunicipalityFactory())
    ),
    "editor": lambda plan: plan_editor(plan.municipality),
    "superuser": lambda plan: UserFactory(is_superuser=True, is_staff=True),
}
# A draft's reports are seen by those who see the draft: its municipality's editors.
SEES_DRAFT = {"editor", "superuser"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("status", [StrategicPlan.Status.ADOPTED, StrategicPlan.Status.DRAFT])
@pytest.mark.parametrize("page", ["list", "detail", "xlsx"])
def test_reports_of_public_plans_are_public_and_drafts_follow_can_view_plan(
    client: Client, role: str, status: str, page: str
) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1, status=status)
    user = ROLES[role](plan)
    if user is not None:
        client.force_login(user)
    url = {
        "list": list_url(plan),
        "detail": detail_url(plan),
        "xlsx": download_url(plan, "xlsx"),
    }[page]

    response = client.get(url)

    allowed = status != StrategicPlan.Status.DRAFT or role in SEES_DRAFT
    assert response.status_code == (200 if allowed else 404)
    if allowed and status == StrategicPlan.Status.DRAFT:
        assert "no-store" in response.headers["Cache-Control"]


def test_claiming_a_report_of_a_draft_is_refused_to_a_visitor() -> None:
    plan = report_plan(aims=1, objectives_per_aim=1, status=StrategicPlan.Status.DRAFT)

    with pytest.raises(PermissionDenied):
        claim_report(
            actor=UserFactory(), plan=plan, period=EVALUATION_2025, language="tr", fmt="pdf"
        )


# --- Kept files -----------------------------------------------------------------------------------


def test_a_small_report_is_drawn_at_once_and_kept(client: Client) -> None:
    plan = report_plan()

    response = client.get(download_url(plan, "pdf"))

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert (
        f'filename="{plan.municipality.slug}-degerlendirme-raporu-2025-tr.pdf"'
        in response["Content-Disposition"]
    )
    content = b"".join(response.streaming_content)  # type: ignore[attr-defined]
    assert content.startswith(b"%PDF")
    kept = _kept(plan)
    assert (kept.status, kept.progress, kept.error) == ("done", 100, "")
    assert kept.file.name.endswith(".pdf")
    assert AuditEvent.objects.filter(action="monitoring.report_generated").count() == 1


def test_the_kept_file_is_served_again_while_the_data_is_unchanged(client: Client) -> None:
    plan = report_plan()
    client.get(download_url(plan, "xlsx"))
    first = _kept(plan, "xlsx")

    response = client.get(download_url(plan, "xlsx"))

    assert response.status_code == 200
    again = _kept(plan, "xlsx")
    assert (again.file.name, again.finished_at) == (first.file.name, first.finished_at)
    assert AuditEvent.objects.filter(action="monitoring.report_generated").count() == 1


def test_a_stale_fingerprint_draws_the_file_again(
    client: Client, django_capture_on_commit_callbacks: Any
) -> None:
    plan = report_plan()
    client.get(download_url(plan, "xlsx"))
    first = _kept(plan, "xlsx")
    recompute_plan(plan)  # what every figure-changing service does: new aggregates time

    with django_capture_on_commit_callbacks(execute=True):
        response = client.get(download_url(plan, "xlsx"))

    assert response.status_code == 200
    again = _kept(plan, "xlsx")
    assert again.data_fingerprint != first.data_fingerprint
    assert again.file.name != first.file.name
    assert again.status == "done"
    assert not again.file.storage.exists(first.file.name)  # the stale file is gone


def test_each_language_keeps_its_own_file(client: Client) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)

    client.get(download_url(plan, "pdf"))
    client.get(download_url(plan, "pdf"), headers={"accept-language": "en"})

    assert sorted(GeneratedReport.objects.filter(plan=plan).values_list("language", flat=True)) == [
        "en",
        "tr",
    ]


# --- Big reports: the task and its progress page ------------------------------------------------


def test_a_big_report_is_queued_and_the_visitor_watches_its_progress(
    client: Client, settings: Any, django_capture_on_commit_callbacks: Any
) -> None:
    settings.ORTAK_REPORT_INLINE_MAX_INDICATORS = 5
    plan = report_plan()

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = client.get(download_url(plan, "xlsx"))

    assert response.status_code == 302
    assert response["Location"] == progress_url(plan, "xlsx")
    queued = _kept(plan, "xlsx")
    assert (queued.status, queued.progress) == ("queued", 0)
    waiting = client.get(progress_url(plan, "xlsx"))
    html = waiting.content.decode()
    assert waiting.status_code == 200
    assert '<noscript><meta http-equiv="refresh" content="2"></noscript>' in html
    assert f'hx-get="{progress_url(plan, "xlsx")}"' in html
    assert 'role="progressbar"' in html
    assert "no-store" in waiting["Cache-Control"]

    assert len(callbacks) == 1
    callbacks[0]()  # the transaction commits: the task runs (immediate backend in tests)

    done = _kept(plan, "xlsx")
    assert (done.status, done.progress) == ("done", 100)
    ready = client.get(progress_url(plan, "xlsx"))
    assert "http-equiv" not in ready.content.decode()
    assert download_url(plan, "xlsx") in ready.content.decode()
    assert client.get(download_url(plan, "xlsx"))["Content-Type"].startswith(
        "application/vnd.openxmlformats"
    )


def test_the_progress_page_answers_htmx_with_the_status_fragment_only(client: Client) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)
    GeneratedReport.objects.create(
        plan=plan,
        kind="evaluation",
        period="2025",
        language="tr",
        format="pdf",
        status="running",
        progress=40,
    )

    response = client.get(progress_url(plan), headers={"hx-request": "true"})

    html = response.content.decode()
    assert response.status_code == 200
    assert html.lstrip().startswith('<div id="report-status"')
    assert "<html" not in html
    assert "w-pct-40" in html
    assert 'aria-valuenow="40"' in html


def test_the_progress_page_sends_a_visitor_who_asked_nothing_to_the_download(
    client: Client,
) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)

    response = client.get(progress_url(plan))

    assert response.status_code == 302
    assert response["Location"] == download_url(plan)


def test_the_task_writes_its_progress_as_it_goes(monkeypatch: pytest.MonkeyPatch) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)
    claim = claim_report(actor=None, plan=plan, period=EVALUATION_2025, language="tr", fmt="pdf")
    seen: list[tuple[str, int]] = []

    def drawing(*args: Any, on_progress: Callable[[int], None], **kwargs: Any) -> bytes:
        for percent in (20, 40, 85, 95):
            on_progress(percent)
            row = GeneratedReport.objects.get(pk=claim.report.pk)
            seen.append((row.status, row.progress))
        return b"%PDF-1.7 test"

    monkeypatch.setattr(report_services, "render_report", drawing)

    draw_report_task.call(report_id=claim.report.pk)

    assert seen == [("running", 20), ("running", 40), ("running", 85), ("running", 95)]
    done = GeneratedReport.objects.get(pk=claim.report.pk)
    assert (done.status, done.progress) == ("done", 100)
    assert done.started_at is not None and done.finished_at is not None


def test_a_failure_is_recorded_with_a_readable_message(
    client: Client, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)
    claim = claim_report(actor=None, plan=plan, period=EVALUATION_2025, language="en", fmt="pdf")

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise OSError("the DejaVu Sans font is not installed")

    monkeypatch.setattr(report_services, "render_report", broken)

    with pytest.raises(ReportDrawingFailed):
        draw_report_task.call(report_id=claim.report.pk)

    failed = GeneratedReport.objects.get(pk=claim.report.pk)
    assert failed.status == "failed"
    assert failed.error == ("The report could not be drawn: the DejaVu Sans font is not installed")
    assert AuditEvent.objects.filter(action="monitoring.report_failed").count() == 1
    page = client.get(progress_url(plan), headers={"accept-language": "en"})
    assert "the DejaVu Sans font is not installed" in text_of(page)
    assert "Try again" in text_of(page)
    assert "http-equiv" not in page.content.decode()


def test_a_failed_report_is_drawn_again_when_asked_again(client: Client) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)
    claim = claim_report(actor=None, plan=plan, period=EVALUATION_2025, language="tr", fmt="pdf")
    GeneratedReport.objects.filter(pk=claim.report.pk).update(status="failed", error="x")

    response = client.get(download_url(plan))

    assert response.status_code == 200
    assert _kept(plan).status == "done"


def test_a_drawing_that_stalled_is_claimed_again() -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)
    first = claim_report(actor=None, plan=plan, period=EVALUATION_2025, language="tr", fmt="pdf")
    assert first.draw_now

    fresh = claim_report(actor=None, plan=plan, period=EVALUATION_2025, language="tr", fmt="pdf")
    GeneratedReport.objects.filter(pk=first.report.pk).update(
        updated_at=timezone.now() - STALLED_AFTER - datetime.timedelta(minutes=1)
    )
    stalled = claim_report(actor=None, plan=plan, period=EVALUATION_2025, language="tr", fmt="pdf")

    assert not fresh.draw_now  # someone is drawing it: wait for them
    assert stalled.draw_now  # nobody is: draw it
    drawn = draw_report(report_id=stalled.report.pk)
    assert drawn is not None and drawn.status == "done"


def test_a_task_for_a_report_deleted_with_its_plan_does_nothing() -> None:
    plan = report_plan(aims=1, objectives_per_aim=1, status=StrategicPlan.Status.DRAFT)
    editor = plan_editor(plan.municipality)
    claim = claim_report(actor=editor, plan=plan, period=EVALUATION_2025, language="tr", fmt="pdf")
    plan.delete()

    assert draw_report_task.call(report_id=claim.report.pk) == "gone"


# --- Queries --------------------------------------------------------------------------------------

# The plan (with municipality and province), the report periods, the report's nine.
DETAIL_QUERIES = 11
LIST_QUERIES = 2


@pytest.mark.parametrize(
    ("url", "limit"),
    [(detail_url, DETAIL_QUERIES), (list_url, LIST_QUERIES)],
)
def test_report_pages_cost_the_same_queries_for_12_and_150_indicators(
    client: Client, django_assert_num_queries: Any, url: Callable[..., str], limit: int
) -> None:
    small = report_plan()
    large = report_plan(
        aims=5, objectives_per_aim=6, indicators_per_objective=5, activities_per_objective=3
    )

    for plan in (small, large):
        with django_assert_num_queries(limit):
            assert client.get(url(plan)).status_code == 200


def test_serving_a_kept_file_costs_a_few_queries_whatever_the_plan_size(
    client: Client, django_assert_max_num_queries: Any, django_capture_on_commit_callbacks: Any
) -> None:
    large = report_plan(
        aims=5, objectives_per_aim=6, indicators_per_objective=5, activities_per_objective=3
    )
    with django_capture_on_commit_callbacks(execute=True):
        client.get(download_url(large, "xlsx"))  # queued, drawn by the task and kept
    assert _kept(large, "xlsx").status == "done"

    with django_assert_max_num_queries(8):
        assert client.get(download_url(large, "xlsx")).status_code == 200


def test_report_shows_cso_ratings_and_responsiveness_in_the_page_and_the_workbook(
    client: Client,
) -> None:
    plan = report_plan(aims=1, objectives_per_aim=1)
    organization = cast(Organization, OrganizationFactory(name="Van Kent Gönüllüleri"))
    indicator = Indicator.objects.get(plan=plan, code="1.1.2")
    assess(plan, organization=organization, node=indicator, period="2025", rating="off_track")
    ResponsivenessFigure.objects.create(
        municipality=plan.municipality, received=4, answered=2, due=3, answered_within_deadline=1
    )

    page = text_of(client.get(detail_url(plan), headers={"accept-language": "en"}))
    workbook = load_workbook(
        io.BytesIO(
            b"".join(
                client.get(  # type: ignore[attr-defined]
                    download_url(plan, "xlsx"), headers={"accept-language": "en"}
                ).streaming_content
            )
        )
    )

    assert "Van Kent Gönüllüleri off track" in page
    assert f"{plan.municipality.name} 4 2 50.00 33.33" in page
    cso = [row for row in workbook["CSO view"].iter_rows(values_only=True) if row[0] == "1.1.2"]
    assert cso[0][2:4] == ("Van Kent Gönüllüleri", "off track")
    responsiveness = list(workbook["Responsiveness"].iter_rows(values_only=True))
    assert responsiveness[2][:4] == (plan.municipality.name, 4, 2, Decimal("50.00"))
