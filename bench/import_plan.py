#!/usr/bin/env python
"""Import benchmark: how long a 150-indicator plan workbook takes to validate and import.

    make bench-import
    .venv/bin/python bench/import_plan.py --runs 7
    .venv/bin/python bench/import_plan.py --database-url postgres://ortak:ortak@127.0.0.1/ortak_bench

Standalone: sets Django up against a temporary SQLite database (or the database named by
``--database-url``, which must be a throw-away one: it is migrated and written to; the
``DATABASE_URL`` of the environment is deliberately ignored), generates a
workbook of 5 aims × 6 objectives × 5 indicators (150) with 60 activities and 300 measurements
through the template writer, and times over ``--runs`` runs, each on a fresh municipality:

- read: ``read_plan_file`` (checks, openpyxl read-only, typed rows);
- preview: ``import_file(dry_run=True)`` (read + whole-file validation + comparison);
- import: ``import_file`` of a new plan (read + validation + bulk writes + ``recompute_plan``);
- re-import: the same file again onto the plan just written (nothing changes);
- revise: the file with every target of the last year changed, onto the plan once adopted
  (150 revisions appended to the hash chain).

The goal (issue 3) is an import under 2 s. Prints a table and writes the numbers with the
commit, versions and database to ``bench/results/import_plan-<UTC time>.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from decimal import Decimal
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
GOAL_SECONDS = 2.0
AIMS, OBJECTIVES, INDICATORS, ACTIVITIES = 5, 6, 5, 2
UNITS = ["Strateji Geliştirme Müdürlüğü", "Fen İşleri Müdürlüğü", "Park ve Bahçeler Müdürlüğü"]


def setup_django(database_url: str | None) -> str:
    sys.path.insert(0, str(ROOT))
    if database_url:  # never the environment's DATABASE_URL: the benchmark writes to it
        os.environ["DATABASE_URL"] = database_url
    else:
        directory = tempfile.mkdtemp(prefix="ortak-bench-import-")
        os.environ["DATABASE_URL"] = f"sqlite:///{directory}/bench.sqlite3"
        os.environ.setdefault("ORTAK_VAR_DIR", directory)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    return os.environ["DATABASE_URL"]


def build_workbook() -> tuple[bytes, bytes]:
    """The 150-indicator workbook, and the same with every last-year target raised by one."""
    import dataclasses

    from ortak.plans.io.document import (
        ActivityRow,
        AimRow,
        DocumentKind,
        IndicatorRow,
        MeasurementRow,
        ObjectiveRow,
        PlanDocument,
        PlanHeader,
        Source,
    )
    from ortak.plans.io.writer import write_xlsx

    years = tuple(range(2025, 2030))
    aims, objectives, indicators, activities, measurements = [], [], [], [], []
    for a in range(1, AIMS + 1):
        aims.append(AimRow(Source(""), str(a), f"Amaç {a}: kentte yaşam kalitesini artırmak"))
        for o in range(1, OBJECTIVES + 1):
            code = f"{a}.{o}"
            objectives.append(
                ObjectiveRow(
                    Source(""),
                    code,
                    str(a),
                    f"Hedef {code}: hizmetlere erişimi kolaylaştırmak",
                    responsible_unit=UNITS[o % 3],
                    cooperating_units=(UNITS[(o + 1) % 3],),
                    risks="Bütçe kısıtları; mevzuat değişiklikleri",
                    strategies="Mahalle ölçeğinde katılımcı planlama",
                    cost_estimate=Decimal("12500000.00"),
                    findings="Durum analizi tespitleri",
                    needs="Personel ve veri altyapısı",
                )
            )
            for i in range(1, INDICATORS + 1):
                icode = f"{code}.{i}"
                decreasing = i == INDICATORS
                baseline = Decimal(60 if decreasing else 10)
                step = Decimal(-8 if decreasing else 10)
                indicators.append(
                    IndicatorRow(
                        Source(""),
                        icode,
                        code,
                        f"Gösterge {icode}: hizmetten yararlanan kişi sayısı",
                        unit_of_measure="%" if decreasing else "kişi",
                        weight=Decimal(20),
                        baseline=baseline,
                        direction="decreasing" if decreasing else "increasing",
                        kind="periodic" if i == 3 else "cumulative",
                        targets=tuple((y, baseline + step * (k + 1)) for k, y in enumerate(years)),
                        monitoring_frequency="six_monthly",
                        reporting_frequency="yearly",
                        data_source="Müdürlük kayıtları",
                        owner_unit=UNITS[i % 3],
                    )
                )
                first = baseline + step
                measurements.append(
                    MeasurementRow(Source(""), icode, "2025", first, "Hedefe ulaşıldı", "")
                )
                measurements.append(
                    MeasurementRow(
                        Source(""),
                        icode,
                        "2026",
                        first + step * Decimal("0.5"),
                        "Kaynak yetersizliği nedeniyle geride",
                        "https://example.org/kanit.pdf",
                    )
                )
            for f in range(1, ACTIVITIES + 1):
                activities.append(
                    ActivityRow(
                        Source(""),
                        f"{code}.F{f}",
                        code,
                        f"Faaliyet {code}.{f}",
                        kind="project" if f == 1 else "activity",
                        responsible_unit=UNITS[f % 3],
                        start_date=datetime.date(2025, 1, 1),
                        end_date=datetime.date(2029, 12, 31),
                        planned_costs=tuple((y, Decimal("250000.00")) for y in years),
                    )
                )
    document = PlanDocument(
        kind=DocumentKind.PLAN,
        format="xlsx",
        plan=PlanHeader(
            Source(""),
            start_year=2025,
            end_year=2029,
            title="Bench Belediyesi Stratejik Planı 2025-2029",
            mission="Katılımcı, şeffaf ve hesap verebilir hizmet",
            vision="Yaşanabilir, adil ve yeşil bir kent",
            core_values="Şeffaflık; katılımcılık; hesap verebilirlik",
            council_decision_date=datetime.date(2024, 10, 1),
            council_decision_number="2024/112",
        ),
        aims=tuple(aims),
        objectives=tuple(objectives),
        indicators=tuple(indicators),
        activities=tuple(activities),
        measurements=tuple(measurements),
        has_measurements=True,
    )
    revised = dataclasses.replace(
        document,
        indicators=tuple(
            dataclasses.replace(
                row,
                targets=(*row.targets[:-1], (years[-1], (row.targets[-1][1] or 0) + 1)),
            )
            for row in document.indicators
        ),
    )
    return write_xlsx(document), write_xlsx(revised)


def timed(function: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def run_once(n: int, content: bytes, revised: bytes) -> dict[str, float]:
    from ortak.organizations.models import Municipality, Province, Unit
    from ortak.plans.io.importer import import_file
    from ortak.plans.io.reader import read_plan_file
    from ortak.plans.models import StrategicPlan

    province = Province.objects.order_by("code").first() or Province.objects.create(
        code=6, name="Ankara", slug="ankara"
    )
    municipality = Municipality.objects.create(
        name=f"Bench {n} Belediyesi", slug=f"bench-{n}", kind="district", province=province
    )
    Unit.objects.bulk_create(
        Unit(municipality=municipality, name=name, slug=f"birim-{k}")
        for k, name in enumerate(UNITS)
    )
    today = datetime.date(2026, 9, 1)

    def run(data: bytes, **kwargs: Any) -> Any:
        return import_file(
            municipality=municipality,
            content=data,
            filename="plan.xlsx",
            actor=None,
            today=today,
            **kwargs,
        )

    timings: dict[str, float] = {}
    timings["read"], result = timed(lambda: read_plan_file(content, filename="plan.xlsx"))
    assert result.ok, [str(issue) for issue in result.errors]
    timings["preview"], report = timed(lambda: run(content, dry_run=True))
    assert report.ok and not report.applied, [str(issue) for issue in report.errors]
    timings["import"], report = timed(lambda: run(content))
    assert report.applied and report.count("indicators").created == 150, report.counts
    timings["re-import"], report = timed(lambda: run(content))
    assert report.ok and not report.has_changes, report.counts
    StrategicPlan.objects.filter(pk=report.plan.pk).update(status=StrategicPlan.Status.ADOPTED)
    timings["revise"], report = timed(lambda: run(revised, reason="Ara dönem güncellemesi"))
    assert report.applied and len(report.revisions) == 150, len(report.revisions)
    return timings


def commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
    except (OSError, subprocess.CalledProcessError):
        return "unknown"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=5, help="measured runs (default 5)")
    parser.add_argument("--database-url", help="a throw-away database (default: temporary SQLite)")
    arguments = parser.parse_args()

    database = setup_django(arguments.database_url)
    content, revised = build_workbook()
    run_once(0, content, revised)  # warm-up: imports, caches, SQLite pages
    runs = [run_once(n, content, revised) for n in range(1, arguments.runs + 1)]

    phases = list(runs[0])
    summary = {
        phase: {
            "min": min(r[phase] for r in runs),
            "median": statistics.median(r[phase] for r in runs),
            "max": max(r[phase] for r in runs),
        }
        for phase in phases
    }
    import django
    from django.db import connection

    print(
        f"Import of a 150-indicator workbook ({len(content) / 1024:.0f} KiB), {arguments.runs} runs"
    )
    print(f"database: {connection.vendor}   goal: import < {GOAL_SECONDS:.1f} s")
    print(f"{'phase':12} {'min s':>8} {'median s':>9} {'max s':>8}")
    for phase, figures in summary.items():
        print(f"{phase:12} {figures['min']:8.3f} {figures['median']:9.3f} {figures['max']:8.3f}")
    met = summary["import"]["median"] < GOAL_SECONDS
    print(f"goal {'met' if met else 'NOT met'}: median import {summary['import']['median']:.3f} s")

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"import_plan-{stamp}.json"
    path.write_text(
        json.dumps(
            {
                "benchmark": "import_plan",
                "when": stamp,
                "commit": commit(),
                "python": platform.python_version(),
                "django": django.get_version(),
                "machine": platform.machine(),
                "cpus": os.cpu_count(),
                "database": connection.vendor,
                "database_url": database.split("@")[-1],
                "workbook_bytes": len(content),
                "plan": {
                    "aims": AIMS,
                    "objectives": AIMS * OBJECTIVES,
                    "indicators": AIMS * OBJECTIVES * INDICATORS,
                    "activities": AIMS * OBJECTIVES * ACTIVITIES,
                    "measurements": AIMS * OBJECTIVES * INDICATORS * 2,
                },
                "goal_seconds": GOAL_SECONDS,
                "goal_met": met,
                "summary": summary,
                "runs": runs,
            },
            indent=2,
        )
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0 if met else 1


if __name__ == "__main__":
    sys.exit(main())
