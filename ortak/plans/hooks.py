"""Extension points that apps above plans plug into at start-up (ARCHITECTURE §2).

Plans never imports monitoring, yet two of its rules depend on it: the due dates that decide
what is overdue come from the municipality's reporting calendar, and a plan's monitoring periods
are generated when it is adopted. Monitoring registers its functions here in
``MonitoringConfig.ready()`` (explicit wiring, not signals); without it the defaults apply.
"""

from __future__ import annotations

from collections.abc import Callable

from ortak.plans import progress
from ortak.plans.models import StrategicPlan

__all__ = [
    "due_dates_for",
    "on_plan_status_changed",
    "plan_status_changed",
    "set_due_dates_provider",
]

DueDatesProvider = Callable[[StrategicPlan], progress.DueDates]
StatusListener = Callable[[StrategicPlan, str], None]

_due_dates_provider: DueDatesProvider | None = None
_status_listeners: list[StatusListener] = []


def set_due_dates_provider(provider: DueDatesProvider | None) -> None:
    """Where a plan's due dates come from (``None``: the defaults, 31 July and 31 January)."""
    global _due_dates_provider
    _due_dates_provider = provider


def due_dates_for(plan: StrategicPlan) -> progress.DueDates:
    if _due_dates_provider is None:
        return progress.DEFAULT_DUE_DATES
    return _due_dates_provider(plan)


def on_plan_status_changed(listener: StatusListener) -> None:
    """Call ``listener(plan, previous_status)`` after a plan changes status, in its transaction."""
    if listener not in _status_listeners:
        _status_listeners.append(listener)


def plan_status_changed(plan: StrategicPlan, previous: str) -> None:
    for listener in _status_listeners:
        listener(plan, previous)
