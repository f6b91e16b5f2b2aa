"""Suggestions, offers, answers (some late, some missing) and comments for the pilots."""

from ortak.demo.context import DemoContext
from ortak.demo.steps import step
from ortak.participation.demo import load_participation_demo


@step(order=40, name="participation")
def load_participation(context: DemoContext) -> None:
    """Suggestions, offers, answers (some late, some missing) and comments for the pilots."""
    load_participation_demo(context.out, users=context.users)
