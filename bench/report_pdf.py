#!/usr/bin/env python
"""Report benchmark: how long the PDF of the largest demo plan's report takes to draw.

    make bench-report
    .venv/bin/python bench/report_pdf.py --runs 5 --period 2026-H1
    .venv/bin/python bench/report_pdf.py --database-url postgres://ortak:ortak@127.0.0.1/ortak_bench

Standalone: sets Django up against a temporary SQLite database (or ``--database-url``, which must
be a throw-away database: it is migrated and written to), loads the largest pilot plan
(van-buyuksehir, 101 indicators and 81 activities, with values for 2025-H1, 2025 and 2026-H1)
with ``ortak.demo.plans.step.load_pilot_plans``, and times over ``--runs`` runs (after one
warm-up run) ``ortak.monitoring.reports.render.render_report(..., fmt="pdf")`` in Turkish: the
tables (queries), the HTML, the layout (WeasyPrint) and the PDF file, from the progress the
renderer reports. Wall-clock and CPU time are both recorded: on a shared machine the CPU time is
the steadier figure. The XLSX of the same report is timed too, for comparison.

The goal (issue 5) is a PDF under 5 s. Prints a table and writes the numbers with the commit,
versions and database to ``bench/results/report_pdf-<UTC time>.json`` (git-ignored).
"""

from __future__ import annotations

import argparse
import datetime
import io
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
GOAL_SECONDS = 5.0
PLAN_SLUG = "van-buyuksehir"  # the largest pilot plan (ortak/demo/plans/content)
PHASES = {20: "tables", 40: "html", 85: "layout", 95: "pdf"}


def setup_django(database_url: str | None) -> str:
    sys.path.insert(0, str(ROOT))
    directory = tempfile.mkdtemp(prefix="ortak-bench-report-")
    # Never the environment's DATABASE_URL: the benchmark migrates and writes.
    os.environ["DATABASE_URL"] = database_url or f"sqlite:///{directory}/bench.sqlite3"
    os.environ.setdefault("ORTAK_VAR_DIR", directory)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0, interactive=False)
    call_command("createcachetable", verbosity=0)
    return os.environ["DATABASE_URL"]


def load_plan() -> Any:
    from ortak.demo.plans.step import load_pilot_plans
    from ortak.plans.models import StrategicPlan

    load_pilot_plans(lambda line: print(line), reset=True, only=[PLAN_SLUG])
    return StrategicPlan.objects.select_related("municipality").get(
        municipality__slug=PLAN_SLUG, start_year=2025
    )


def run_once(plan: Any, period: Any, fmt: str) -> tuple[dict[str, float], bytes]:
    from ortak.monitoring.reports.render import render_report

    marks: list[tuple[int, float, float]] = []

    def heard(percent: int) -> None:
        marks.append((percent, time.perf_counter(), time.process_time()))

    wall, cpu = time.perf_counter(), time.process_time()
    content = render_report(plan, period, language="tr", fmt=fmt, on_progress=heard)
    timings = {"total": time.perf_counter() - wall, "total_cpu": time.process_time() - cpu}
    previous = wall
    for percent, at, _cpu in marks:
        if percent in PHASES and fmt == "pdf":
            timings[PHASES[percent]] = at - previous
            previous = at
    return timings, content


def summarise(runs: list[dict[str, float]]) -> dict[str, dict[str, float]]:
    return {
        key: {
            "min": min(r[key] for r in runs),
            "median": statistics.median(r[key] for r in runs),
            "max": max(r[key] for r in runs),
        }
        for key in runs[0]
    }


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


def pdf_pages(content: bytes) -> int:
    import pdfplumber

    with pdfplumber.open(io.BytesIO(content)) as document:
        return len(document.pages)


def main() -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=3, help="measured runs (default 3)")
    parser.add_argument(
        "--period", default="2025", help="2025 (evaluation report) or 2026-H1 (monitoring report)"
    )
    parser.add_argument("--database-url", help="a throw-away database (default: temporary SQLite)")
    arguments = parser.parse_args()

    database = setup_django(arguments.database_url)
    import django
    from django.db import connection

    from ortak.monitoring.reports.periods import ReportKind, parse_report_period
    from ortak.plans.models import Activity, Indicator

    kind = (
        ReportKind.MONITORING if arguments.period.upper().endswith("H1") else ReportKind.EVALUATION
    )
    period = parse_report_period(kind, arguments.period)
    plan = load_plan()
    indicators = Indicator.objects.filter(plan=plan).count()
    activities = Activity.objects.filter(plan=plan).count()

    run_once(plan, period, "pdf")  # warm-up: imports, fonts, templates, SQLite pages
    pdf_runs: list[dict[str, float]] = []
    content = b""
    for _ in range(arguments.runs):
        timings, content = run_once(plan, period, "pdf")
        pdf_runs.append(timings)
    pages = pdf_pages(content)
    xlsx_runs = [run_once(plan, period, "xlsx")[0] for _ in range(arguments.runs)]
    pdf = summarise(pdf_runs)
    xlsx = summarise(xlsx_runs)

    print(
        f"{period.title} of {plan.municipality.name} ({indicators} indicators, {activities} "
        f"activities): PDF of {pages} pages, {len(content) / 1024:.0f} KiB; {arguments.runs} runs"
    )
    print(f"database: {connection.vendor}   goal: PDF < {GOAL_SECONDS:.1f} s")
    print(f"{'phase':14} {'min s':>8} {'median s':>9} {'max s':>8}")
    for name, figures in [
        *(("pdf " + k, v) for k, v in pdf.items()),
        ("xlsx total", xlsx["total"]),
    ]:
        print(f"{name:14} {figures['min']:8.3f} {figures['median']:9.3f} {figures['max']:8.3f}")
    met = pdf["total"]["median"] < GOAL_SECONDS
    print(
        f"goal {'met' if met else 'NOT met'}: median PDF {pdf['total']['median']:.3f} s "
        f"(CPU {pdf['total_cpu']['median']:.3f} s)"
    )

    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.datetime.now(datetime.UTC).strftime("%Y%m%dT%H%M%SZ")
    path = RESULTS / f"report_pdf-{stamp}.json"
    path.write_text(
        json.dumps(
            {
                "benchmark": "report_pdf",
                "when": stamp,
                "commit": commit(),
                "python": platform.python_version(),
                "django": django.get_version(),
                "weasyprint": _version("weasyprint"),
                "machine": platform.machine(),
                "cpus": os.cpu_count(),
                "load_average": os.getloadavg() if hasattr(os, "getloadavg") else None,
                "database": connection.vendor,
                "database_url": database.split("@")[-1],
                "plan": {
                    "municipality": PLAN_SLUG,
                    "indicators": indicators,
                    "activities": activities,
                },
                "report": {"kind": period.kind, "period": period.text, "language": "tr"},
                "pdf_pages": pages,
                "pdf_bytes": len(content),
                "goal_seconds": GOAL_SECONDS,
                "goal_met": met,
                "pdf": pdf,
                "xlsx": xlsx,
                "pdf_runs": pdf_runs,
                "xlsx_runs": xlsx_runs,
            },
            indent=2,
        )
    )
    print(f"wrote {path.relative_to(ROOT)}")
    return 0 if met else 1


def _version(package: str) -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version(package)
    except PackageNotFoundError:
        return "unknown"


if __name__ == "__main__":
    sys.exit(main())
