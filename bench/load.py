#!/usr/bin/env python
"""Load benchmark: gunicorn (gthread) on 127.0.0.1, driven by wrk, page by page.

    make bench-load                                   # demo SQLite database (var/db.sqlite3)
    DATABASE_URL=postgres://ortak:ortak@127.0.0.1:5432/ortak .venv/bin/python bench/load.py
    .venv/bin/python bench/load.py --duration 5 --connections 32 --only home,plan

For every public page in TARGETS it picks a representative object from the database, warms the
server, runs the load generator for ``--duration`` seconds at ``--connections`` connections, and
prints requests/s, latency percentiles, errors and the share of the framework's floor (a trivial
Django view through the full middleware stack, mounted only in the benchmark's server by
bench/urls.py). Pages whose URL does not exist yet are reported as "missing". Results are written
to bench/results/load-<time>.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
VENV_BIN = ROOT / ".venv" / "bin"
HOST = "127.0.0.1"  # never anything else: the benchmark must not listen on a public interface
FLOOR = "floor"
SEARCH_TERM = "belediye"


# --- What is measured -------------------------------------------------------------------------


class Missing(Exception):
    """The page does not exist yet (no such URL name) or the database has nothing to show on it."""


@dataclass(frozen=True)
class Target:
    key: str
    label: str
    url: Callable[[Any], str]  # receives the Picked objects, returns a path or raises Missing


@dataclass
class Picked:
    """Representative objects: the adopted plan with the most indicators, and its parts."""

    municipality: Any = None
    plan: Any = None
    objective: Any = None
    indicator: Any = None
    contribution: Any = None
    counts: dict[str, int] = field(default_factory=dict)


def _reverse(
    names: tuple[str, ...],
    *,
    kwargs: Callable[[], dict[str, Any]] | None = None,
    query: str = "",
) -> str:
    """The path of the first URL name that exists; kwargs are computed only once one does."""
    from django.urls import NoReverseMatch, get_resolver, reverse

    resolver = get_resolver()
    existing = [name for name in names if _name_exists(resolver, name)]
    if not existing:
        raise Missing(f"no URL named {' or '.join(names)}")
    values = kwargs() if kwargs else None
    for name in existing:
        try:
            path = reverse(name, kwargs=values)
        except NoReverseMatch:
            continue
        return f"{path}?{query}" if query else path
    raise Missing(f"{' or '.join(existing)} does not take {sorted(values or {})}")


def _name_exists(resolver: Any, name: str) -> bool:
    *namespaces, short = name.split(":")
    for namespace in namespaces:
        if namespace not in resolver.namespace_dict:
            return False
        resolver = resolver.namespace_dict[namespace][1]
    return short in resolver.reverse_dict


def _need(obj: Any, what: str) -> Any:
    if obj is None:
        raise Missing(f"the database has no {what}")
    return obj


def _plan_kwargs(p: Picked) -> dict[str, Any]:
    plan = _need(p.plan, "adopted plan")
    return {"slug": plan.municipality.slug, "start": plan.start_year, "end": plan.end_year}


TARGETS: list[Target] = [
    Target("home", "Home", lambda p: _reverse(("home",))),
    Target(
        "municipalities",
        "Municipality list",
        lambda p: _reverse(("organizations:municipality_list",)),
    ),
    Target(
        "municipality",
        "Municipality page",
        lambda p: _reverse(
            ("organizations:municipality_detail",),
            kwargs=lambda: {"slug": _need(p.municipality, "municipality with a plan").slug},
        ),
    ),
    Target(
        "plan",
        "Plan page",
        lambda p: _reverse(("plans:plan_detail",), kwargs=lambda: _plan_kwargs(p)),
    ),
    Target(
        "objective",
        "Objective page",
        lambda p: _reverse(
            ("plans:objective_detail",),
            kwargs=lambda: {**_plan_kwargs(p), "code": _need(p.objective, "objective").code},
        ),
    ),
    Target(
        "indicator",
        "Indicator page",
        lambda p: _reverse(
            ("plans:indicator_detail",),
            kwargs=lambda: {**_plan_kwargs(p), "code": _need(p.indicator, "indicator").code},
        ),
    ),
    Target(
        "contributions",
        "Contribution list",
        lambda p: _reverse(
            ("participation:municipality",),
            kwargs=lambda: {"slug": _need(p.municipality, "municipality with a plan").slug},
        ),
    ),
    Target(
        "contribution",
        "Contribution detail",
        lambda p: _reverse(
            ("participation:detail",),
            kwargs=lambda: {"pk": _need(p.contribution, "published contribution").pk},
        ),
    ),
    Target(
        "search",
        "Search",
        lambda p: _reverse(("participation:search",), query=f"q={SEARCH_TERM}"),
    ),
    Target(
        "plan_json",
        "Plan JSON export",
        lambda p: _reverse(
            ("plans:plan_export",),
            kwargs=lambda: {**_plan_kwargs(p), "fmt": "json"},
        ),
    ),
]


def pick(database_url: str) -> tuple[Picked, str, dict[str, str]]:
    """Choose representative objects and resolve every target's URL (in this process only)."""
    os.environ["DATABASE_URL"] = database_url
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.apps import apps
    from django.core.management import call_command
    from django.db import connection
    from django.db.models import Count

    # The database cache's table (the page cache's generation lives there); idempotent.
    call_command("createcachetable", verbosity=0)

    picked = Picked()
    Plan = apps.get_model("plans", "StrategicPlan")
    plan = (
        Plan.objects.filter(status__in=["adopted", "consultation"])
        .select_related("municipality")
        .annotate(size=Count("indicators"))
        .order_by("-size", "pk")
        .first()
    )
    if plan is not None:
        picked.plan = plan
        picked.municipality = plan.municipality
        picked.objective = plan.objectives.order_by("pk").first()
        picked.indicator = (
            plan.indicators.annotate(values=Count("measurements")).order_by("-values", "pk").first()
        )
    else:
        picked.municipality = apps.get_model("organizations", "Municipality").objects.first()
    try:
        Contribution = apps.get_model("participation", "Contribution")
    except LookupError:
        Contribution = None
    if Contribution is not None:
        published = Contribution.objects.published()
        if picked.plan is not None:
            published = published.filter(plan=picked.plan)
        picked.contribution = published.order_by("pk").first()
    for label in (
        "organizations.Municipality",
        "organizations.Organization",
        "plans.StrategicPlan",
        "plans.Indicator",
        "plans.Measurement",
        "participation.Contribution",
        "accounts.User",
    ):
        try:
            picked.counts[label] = apps.get_model(label).objects.count()
        except LookupError:
            continue
    urls: dict[str, str] = {}
    for target in TARGETS:
        try:
            urls[target.key] = target.url(picked)
        except Missing as missing:
            urls[target.key] = f"missing: {missing}"
    vendor = connection.vendor
    connection.close()
    return picked, vendor, urls


# --- The server -----------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def start_gunicorn(
    *, port: int, workers: int, threads: int, database_url: str
) -> subprocess.Popen[bytes]:
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bench.settings",
        "ORTAK_BENCH_FLOOR": "1",
        "DATABASE_URL": database_url,
        "DEBUG": "0",
        # Pages are requested without their CSS: no collectstatic manifest is needed.
        "STATIC_MANIFEST": "0",
        "LOG_LEVEL": "ERROR",
        # WhiteNoise warns that STATIC_ROOT was never collected; irrelevant here.
        "PYTHONWARNINGS": "ignore:No directory at:UserWarning",
        "PYTHONPATH": str(ROOT),
    }
    command = [
        str(VENV_BIN / "gunicorn"),
        "config.wsgi:application",
        "--bind",
        f"{HOST}:{port}",
        "--worker-class",
        "gthread",
        "--workers",
        str(workers),
        "--threads",
        str(threads),
        "--timeout",
        "60",
        "--log-level",
        "warning",
        "--chdir",
        str(ROOT),
    ]
    process = subprocess.Popen(command, env=env, cwd=ROOT, start_new_session=True)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"gunicorn exited with {process.returncode}; see the output above")
        try:
            status, _ = fetch(port, "/__bench__/floor/")
        except OSError:
            time.sleep(0.2)
            continue
        if status == 200:
            return process
        stop(process)
        raise SystemExit(f"The floor view answered {status}: is bench/urls.py mounted?")
    stop(process)
    raise SystemExit("gunicorn did not answer within 60 s")


def stop(process: subprocess.Popen[bytes]) -> None:
    if process.poll() is not None:
        return
    os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=15)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=5)


# Sent with every request (wrk and the Python client alike).
HEADERS: dict[str, str] = {"Accept-Language": "tr"}


def fetch(port: int, path: str, timeout: float = 30) -> tuple[int, bytes]:
    status, body, _cache = fetch_with_cache_state(port, path, timeout)
    return status, body


def fetch_with_cache_state(port: int, path: str, timeout: float = 30) -> tuple[int, bytes, str]:
    """Status, body and the page cache's verdict (``hit``, ``miss`` or ``-`` for uncached)."""
    connection = http.client.HTTPConnection(HOST, port, timeout=timeout)
    try:
        connection.request("GET", path, headers=HEADERS)
        response = connection.getresponse()
        return response.status, response.read(), response.getheader("X-Ortak-Page-Cache", "-")
    finally:
        connection.close()


# --- The load generator -----------------------------------------------------------------------


def ensure_wrk() -> str | None:
    """wrk from Debian, installed when missing and we may (root); None means use the fallback."""
    found = shutil.which("wrk")
    if found:
        return found
    if os.geteuid() == 0 and shutil.which("apt-get"):
        print("Installing wrk (Debian package)…", flush=True)
        subprocess.run(
            ["apt-get", "install", "-y", "-qq", "wrk"],
            env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
            stdout=subprocess.DEVNULL,
            check=False,
            timeout=300,
        )
    return shutil.which("wrk")


@dataclass
class Result:
    key: str
    label: str
    path: str
    state: str = "ok"  # ok | missing | error
    detail: str = ""
    requests: int = 0
    seconds: float = 0.0
    rps: float = 0.0
    p50_ms: float = 0.0
    p95_ms: float = 0.0
    p99_ms: float = 0.0
    errors: int = 0
    floor_share: float | None = None
    bytes_per_response: int = 0
    # The page cache's verdict on the first GET and on the last warm-up GET (hit/miss/-).
    cache_first: str = "-"
    cache_warm: str = "-"
    first_ms: float = 0.0  # the first GET: the page rendered from the database (cold)


def run_wrk(wrk: str, url: str, *, duration: int, connections: int, threads: int) -> dict[str, Any]:
    command = [
        wrk,
        f"-t{threads}",
        f"-c{connections}",
        f"-d{duration}s",
        "--timeout",
        "10s",
        *[part for name, value in HEADERS.items() for part in ("-H", f"{name}: {value}")],
        "-s",
        str(ROOT / "bench" / "wrk_report.lua"),
        url,
    ]
    completed = subprocess.run(
        command, capture_output=True, text=True, timeout=duration + 60, check=False
    )
    for line in completed.stdout.splitlines():
        if line.startswith("WRK_JSON "):
            data: dict[str, Any] = json.loads(line.removeprefix("WRK_JSON "))
            return data
    raise RuntimeError(f"wrk gave no report: {completed.stdout[-400:]} {completed.stderr[-400:]}")


def run_python_client(port: int, path: str, *, duration: int, connections: int) -> dict[str, Any]:
    """Fallback when wrk is unavailable: one keep-alive connection per thread (GIL-bound, so it
    understates the server; the floor is measured the same way, so shares stay comparable)."""
    latencies: list[float] = []
    errors = [0]
    lock = threading.Lock()
    stop_at = time.monotonic() + duration

    def worker() -> None:
        connection = http.client.HTTPConnection(HOST, port, timeout=10)
        mine: list[float] = []
        failed = 0
        while time.monotonic() < stop_at:
            started = time.perf_counter()
            try:
                connection.request("GET", path, headers=HEADERS)
                response = connection.getresponse()
                response.read()
                if response.status >= 400:
                    failed += 1
            except (OSError, http.client.HTTPException):
                failed += 1
                connection.close()
                connection = http.client.HTTPConnection(HOST, port, timeout=10)
                continue
            mine.append(time.perf_counter() - started)
        connection.close()
        with lock:
            latencies.extend(mine)
            errors[0] += failed

    started = time.monotonic()
    workers = [threading.Thread(target=worker, daemon=True) for _ in range(connections)]
    for thread in workers:
        thread.start()
    for thread in workers:
        thread.join(timeout=duration + 30)
    elapsed = time.monotonic() - started
    latencies.sort()

    def percentile(q: float) -> int:
        if not latencies:
            return 0
        return int(latencies[min(len(latencies) - 1, int(q / 100 * len(latencies)))] * 1e6)

    return {
        "requests": len(latencies),
        "duration_us": int(elapsed * 1e6),
        "bytes": 0,
        "status_errors": errors[0],
        "connect_errors": 0,
        "read_errors": 0,
        "write_errors": 0,
        "timeouts": 0,
        "p50_us": percentile(50),
        "p95_us": percentile(95),
        "p99_us": percentile(99),
    }


def measure(
    result: Result,
    *,
    port: int,
    wrk: str | None,
    duration: int,
    connections: int,
    threads: int,
    warmup: int,
) -> None:
    began = time.perf_counter()
    status, body, result.cache_first = fetch_with_cache_state(port, result.path)
    result.first_ms = (time.perf_counter() - began) * 1000
    if status != 200:
        result.state, result.detail = "error", f"warm-up GET answered {status}"
        return
    result.bytes_per_response = len(body)
    for _ in range(warmup):
        _status, _body, result.cache_warm = fetch_with_cache_state(port, result.path)
    if wrk:
        data = run_wrk(
            wrk,
            f"http://{HOST}:{port}{result.path}",
            duration=duration,
            connections=connections,
            threads=threads,
        )
    else:
        data = run_python_client(port, result.path, duration=duration, connections=connections)
    result.requests = data["requests"]
    result.seconds = data["duration_us"] / 1e6
    result.rps = result.requests / result.seconds if result.seconds else 0.0
    result.p50_ms = data["p50_us"] / 1000
    result.p95_ms = data["p95_us"] / 1000
    result.p99_ms = data["p99_us"] / 1000
    result.errors = sum(
        data[k]
        for k in ("connect_errors", "read_errors", "write_errors", "status_errors", "timeouts")
    )


# --- Reporting --------------------------------------------------------------------------------


def table(results: list[Result]) -> str:
    header = (
        f"{'page':<20} {'req/s':>8} {'p50 ms':>8} {'p95 ms':>8} {'p99 ms':>8} {'errors':>7}"
        f" {'floor':>6} {'cache':>5} {'cold ms':>8}  path"
    )
    lines = [header, "-" * len(header)]
    for r in results:
        if r.state != "ok":
            lines.append(f"{r.label:<20} {r.state:>8}  {r.detail}")
            continue
        share = f"{r.floor_share:.0%}" if r.floor_share is not None else "—"
        lines.append(
            f"{r.label:<20} {r.rps:>8.1f} {r.p50_ms:>8.1f} {r.p95_ms:>8.1f} {r.p99_ms:>8.1f}"
            f" {r.errors:>7d} {share:>6} {r.cache_warm:>5} {r.first_ms:>8.0f}  {r.path}"
        )
    return "\n".join(lines)


def git_commit() -> str:
    try:
        return subprocess.run(
            ["git", "rev-parse", "--short", "HEAD"],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
            timeout=10,
        ).stdout.strip()
    except (OSError, subprocess.SubprocessError):
        return "unknown"


def main(argv: list[str] | None = None) -> int:
    cpus = os.cpu_count() or 1
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--duration", type=int, default=10, help="seconds of load per page (10)")
    parser.add_argument("--connections", type=int, default=16, help="concurrent connections (16)")
    parser.add_argument("--wrk-threads", type=int, default=2, help="wrk threads (2)")
    parser.add_argument("--workers", type=int, default=cpus, help=f"gunicorn workers ({cpus})")
    parser.add_argument("--threads", type=int, default=4, help="threads per gunicorn worker (4)")
    parser.add_argument(
        "--warmup", type=int, default=20, help="sequential GETs before the load (20)"
    )
    parser.add_argument(
        "--only", default="", help="comma-separated page keys: " + ",".join(t.key for t in TARGETS)
    )
    parser.add_argument(
        "--python-client", action="store_true", help="use the Python client even if wrk exists"
    )
    parser.add_argument(
        "--page-cache",
        choices=("on", "off"),
        default="on",
        help="anonymous visitors served by the page cache (on), or requests with a session"
        " cookie, which it never serves: every request rendered (off)",
    )
    args = parser.parse_args(argv)
    if args.page_cache == "off":
        # A visitor with a session cookie is never served from the page cache (decision 0006):
        # every request is rendered, as for a signed-in user, with production settings.
        HEADERS["Cookie"] = "sessionid=bench-without-page-cache"
    if not 1 <= args.duration <= 300:
        parser.error("--duration must be between 1 and 300 seconds")

    database_url = os.environ.get("DATABASE_URL") or f"sqlite:///{ROOT / 'var' / 'db.sqlite3'}"
    if (
        database_url.startswith("sqlite:///")
        and not Path(database_url.removeprefix("sqlite:///")).exists()
    ):
        print(f"No database at {database_url}: run `make demo-data` first.", file=sys.stderr)
        return 2
    picked, vendor, urls = pick(database_url)
    wanted = {key.strip() for key in args.only.split(",") if key.strip()}
    targets = [t for t in TARGETS if not wanted or t.key in wanted]
    wrk = None if args.python_client else ensure_wrk()
    generator = "wrk" if wrk else "python-threads"
    rows = ", ".join(f"{label.split('.')[1]} {count}" for label, count in picked.counts.items())
    print(
        f"Database: {vendor} ({rows})\n"
        f"Server: gunicorn gthread {args.workers}×{args.threads} on {HOST}; load: {generator},"
        f" {args.connections} connections, {args.duration} s per page;"
        f" page cache {args.page_cache}",
        flush=True,
    )

    results = [Result(key=FLOOR, label="Django floor", path="/__bench__/floor/")]
    for target in targets:
        path = urls[target.key]
        if path.startswith("missing: "):
            results.append(
                Result(
                    key=target.key,
                    label=target.label,
                    path="",
                    state="missing",
                    detail=path.removeprefix("missing: "),
                )
            )
        else:
            results.append(Result(key=target.key, label=target.label, path=path))

    port = free_port()
    server = start_gunicorn(
        port=port, workers=args.workers, threads=args.threads, database_url=database_url
    )
    started = time.monotonic()
    try:
        for result in results:
            if result.state != "ok":
                continue
            print(f"  {result.label} {result.path} …", flush=True)
            measure(
                result,
                port=port,
                wrk=wrk,
                duration=args.duration,
                connections=args.connections,
                threads=args.wrk_threads,
                warmup=args.warmup,
            )
    finally:
        stop(server)
    floor = results[0]
    for result in results:
        if result.state == "ok" and floor.state == "ok" and floor.rps:
            result.floor_share = result.rps / floor.rps

    print()
    print(table(results))
    RESULTS.mkdir(exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    output = RESULTS / f"load-{stamp}.json"
    output.write_text(
        json.dumps(
            {
                "at": stamp,
                "commit": git_commit(),
                "database": {"vendor": vendor, "rows": picked.counts},
                "server": {
                    "gunicorn": "gthread",
                    "workers": args.workers,
                    "threads": args.threads,
                    "cpus": cpus,
                    "page_cache": args.page_cache,
                },
                "load": {
                    "generator": generator,
                    "connections": args.connections,
                    "duration_s": args.duration,
                    "wrk_threads": args.wrk_threads if wrk else None,
                    "warmup_requests": args.warmup,
                },
                "wall_seconds": round(time.monotonic() - started, 1),
                "results": [asdict(r) for r in results],
            },
            ensure_ascii=False,
            indent=2,
        ),
        encoding="utf-8",
    )
    print(f"\nWritten to {output.relative_to(ROOT)}")
    return 1 if any(r.state == "error" for r in results) else 0


if __name__ == "__main__":
    sys.exit(main())
