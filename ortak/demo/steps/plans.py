"""The pilot municipalities' strategic plans (ortak/demo/plans/); importing registers the step."""

from ortak.demo.plans import step  # noqa: F401
