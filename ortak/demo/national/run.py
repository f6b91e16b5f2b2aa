"""One run of the generator: the phases in order, timed, in one transaction.

All or nothing: a run that fails leaves the database as it was. On PostgreSQL the foreign keys
are checked as rows go in (``SET CONSTRAINTS ALL IMMEDIATE``) instead of all at commit, which
would queue millions of checks in memory; nothing is dropped or disabled. After each bulk load
the planner statistics of its tables are refreshed (``ANALYZE``), so the reads that follow, and
the pages after the commit, are planned for the data's real size.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import TextIO, TypeVar

from django.contrib.auth import get_user_model
from django.db import connection, transaction
from django.db.models import Model

from ortak.demo.national import clear as clearing
from ortak.demo.national.indexing import index_contributions, index_plans, refresh_responsiveness
from ortak.demo.national.options import Options
from ortak.demo.national.participation import ParticipationCounts, write_participation
from ortak.demo.national.people import People, write_organizations, write_staff, write_users
from ortak.demo.national.places import ExistingPlace, sample, structure, write_places
from ortak.demo.national.plan_content import build_national_plan
from ortak.demo.national.plan_writer import WrittenPlan, compute_figures, write_plans
from ortak.demo.national.progress import Timings
from ortak.organizations.models import Membership, Municipality, Organization, Province, Unit
from ortak.participation.models import Answer, Comment, Contribution, SearchEntry, Support
from ortak.plans.models import (
    Activity,
    ActivityCost,
    Aim,
    FigureRevision,
    Indicator,
    IndicatorTarget,
    Measurement,
    Objective,
    PlanRevision,
    RevisionHead,
    StrategicPlan,
)

T = TypeVar("T")
PLANS_PER_BATCH = 8
PEOPLE_TABLES: tuple[type[Model], ...] = (
    Municipality,
    Unit,
    get_user_model(),
    Organization,
    Membership,
)
PLAN_TABLES: tuple[type[Model], ...] = (
    StrategicPlan,
    Aim,
    Objective,
    Indicator,
    IndicatorTarget,
    Measurement,
    Activity,
    ActivityCost,
    FigureRevision,
    RevisionHead,
    PlanRevision,
)
PARTICIPATION_TABLES: tuple[type[Model], ...] = (
    Contribution,
    Answer,
    Comment,
    Support,
    SearchEntry,
)


class AlreadyGenerated(Exception):
    """National data from an earlier run is there; run with ``--clear`` to replace it."""

    def __init__(self, found: clearing.Generated) -> None:
        self.found = found
        super().__init__(
            f"national data is already there ({found.municipalities} municipalities, "
            f"{found.plans} plans, {found.users} users)"
        )


@dataclass
class Report:
    timings: Timings
    counts: dict[str, int] = field(default_factory=dict)
    cleared: clearing.Generated | None = None


def _batches(items: Sequence[T], size: int) -> Iterator[Sequence[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]


def _checks_as_rows_go_in() -> None:
    """Check foreign keys statement by statement from now on (and the ones pending, at once)."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")


def _analyze(timings: Timings, label: str, *models: type[Model]) -> None:
    """Refresh PostgreSQL's planner statistics of the tables (inside the transaction, ANALYZE
    counts its own new rows). Without it, the reads that follow a bulk load (recomputing figures,
    indexing) are planned for the tables' old, often empty, sizes: sequential scans per plan."""
    if connection.vendor != "postgresql":
        return
    with timings.phase(label, len(models)) as bar, connection.cursor() as cursor:
        for model in models:
            cursor.execute(f"ANALYZE {connection.ops.quote_name(model._meta.db_table)}")
            bar.tick()


def _existing() -> list[ExistingPlace]:
    return [
        ExistingPlace(slug, kind, code)
        for slug, kind, code in Municipality.objects.values_list("slug", "kind", "province__code")
    ]


def clear_only(progress: TextIO | None) -> Report:
    timings = Timings(progress)
    with transaction.atomic():
        found = clearing.generated()
        total = found.plans + found.organizations + found.users + found.municipalities
        with timings.phase("clear", total) as bar:
            cleared = clearing.clear(bar.tick)
            _checks_as_rows_go_in()  # the deletions' checks now, inside the phase, not at commit
    return Report(timings, cleared=cleared)


def generate(options: Options, *, replace: bool = False, progress: TextIO | None = None) -> Report:
    """Generate the national data (after removing an earlier run's when ``replace``)."""
    timings = Timings(progress)
    report = Report(timings)
    with transaction.atomic():
        found = clearing.generated()
        if found.any and not replace:
            raise AlreadyGenerated(found)
        if found.any:
            total = found.plans + found.organizations + found.users + found.municipalities
            with timings.phase("clear", total) as bar:
                report.cleared = clearing.clear(bar.tick)
                _checks_as_rows_go_in()
        # Only now: the ORM deletes in an order that relies on deferred foreign keys.
        _checks_as_rows_go_in()
        _generate(options, timings, report.counts)
    return report


def _generate(options: Options, timings: Timings, counts: dict[str, int]) -> None:
    specs = sample(structure(options, list(Province.objects.all()), _existing()), options)
    with timings.phase("municipalities", len(specs)) as bar:
        places = write_places(specs, options, bar.tick)
    counts["municipalities"] = len(places)
    counts["units"] = sum(len(p.unit_ids) for p in places)
    with timings.phase("users", options.users) as bar:
        users = write_users(options, bar.tick)
        staff = write_staff(places, users, options)
    busy = {u for s in staff.values() for u in (s.admin, s.editor, *s.responders.values())}
    people = People(citizens=[u for u in users if u not in busy], staff=staff)
    counts["users"] = len(users)
    with timings.phase("organizations", options.organizations) as bar:
        people.organizations = write_organizations(places, people.citizens, options, bar.tick)
    counts["organizations"] = len(people.organizations)
    planned = [p for p in places if p.plan_required]
    written: list[WrittenPlan] = []
    with timings.phase("plans", len(planned)) as bar:
        for batch in _batches(planned, PLANS_PER_BATCH):
            drafts = [(place, build_national_plan(place, options)) for place in batch]
            written += write_plans(drafts, staff, options)
            bar.tick(len(batch))
    counts["plans"] = len(written)
    plan_ids = [w.id for w in written]
    _analyze(timings, "analyze: plans", *PEOPLE_TABLES, *PLAN_TABLES)
    with timings.phase("plan figures", len(plan_ids)) as bar:
        compute_figures(plan_ids, options, bar.tick)
    with timings.phase("participation", options.contributions) as bar:
        done: ParticipationCounts = write_participation(written, people, options, bar.tick)
    counts.update(
        contributions=done.contributions,
        answers=done.answers,
        comments=done.comments,
        supports=done.supports,
    )
    _analyze(timings, "analyze: partic.", *PARTICIPATION_TABLES)
    with timings.phase("responsiveness", len(places)) as bar:
        refresh_responsiveness([p.id for p in places], options, bar.tick)
    with timings.phase("search: plans", len(plan_ids)) as bar:
        counts["search entries"] = index_plans(plan_ids, bar.tick)
    with timings.phase("search: contrib.", done.contributions) as bar:
        counts["search entries"] += index_contributions(plan_ids, options, bar.tick)
