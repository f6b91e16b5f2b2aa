"""The public history of a plan's published figures: the revision chain and its verification."""

from __future__ import annotations

from dataclasses import dataclass

from django.core.paginator import Page, Paginator

from ortak.plans.models import FigureRevision, RevisionHead, StrategicPlan
from ortak.plans.revisions import ChainProblem, verify_chain

__all__ = ["PAGE_SIZE", "PlanHistory", "plan_history"]

PAGE_SIZE = 100


@dataclass(frozen=True)
class PlanHistory:
    """One page of the chain (newest first) and the verification of the whole chain."""

    plan: StrategicPlan
    page: Page
    problems: list[ChainProblem]
    head: RevisionHead | None

    @property
    def intact(self) -> bool:
        return not self.problems

    @property
    def broken_sequences(self) -> set[int]:
        return {problem.sequence for problem in self.problems}


def plan_history(plan: StrategicPlan, page_number: str | int | None = 1) -> PlanHistory:
    """Three queries whatever the length of the chain (for a plan loaded with its recorded head,
    as ``plans.selectors.plan_by_period`` does): the verification reads every row once; the
    page reads its count and its rows with their indicator and author."""
    problems = verify_chain(plan)
    head: RevisionHead | None = getattr(plan, "revision_head", None)
    revisions = (
        FigureRevision.objects.filter(plan=plan)
        .select_related("indicator", "changed_by", "plan_revision")
        .order_by("-sequence")
    )
    page = Paginator(revisions, PAGE_SIZE).get_page(page_number)
    return PlanHistory(plan=plan, page=page, problems=problems, head=head)
