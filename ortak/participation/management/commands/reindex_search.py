"""Rebuild the search entries of plans (all public plans, or the ones named), and optionally of
every contribution.

Plans sit below participation (ARCHITECTURE §2), so the plans app cannot call ``reindex_plan``
itself; run this after imports or nightly from cron: ``manage.py reindex_search``.
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from ortak.participation.models import Contribution, SearchEntry
from ortak.participation.search import index_contribution, reindex_plan
from ortak.plans.models import StrategicPlan


class Command(BaseCommand):
    help = "Rebuild the search index of plans (and, with --contributions, of contributions)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--plan", type=int, action="append", help="Only this plan id.")
        parser.add_argument(
            "--contributions", action="store_true", help="Also re-index every contribution."
        )

    def handle(self, *args: Any, **options: Any) -> None:
        plans = StrategicPlan.objects.order_by("pk")
        if options["plan"]:
            plans = plans.filter(pk__in=options["plan"])
        entries = sum(reindex_plan(plan) for plan in plans)
        self.stdout.write(f"{entries} search entries for {plans.count()} plan(s).")
        if options["contributions"]:
            SearchEntry.objects.filter(
                kind__in=[SearchEntry.Kind.SUGGESTION, SearchEntry.Kind.OFFER]
            ).exclude(object_id__in=Contribution.objects.values("pk")).delete()
            count = 0
            for contribution in Contribution.objects.order_by("pk").iterator(chunk_size=500):
                index_contribution(contribution)
                count += 1
            self.stdout.write(f"{count} contribution(s) re-indexed.")
