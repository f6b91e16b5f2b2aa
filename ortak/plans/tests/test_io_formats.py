"""The format documentation (docs/formats/) stays true to the code that reads and writes files."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from django.conf import settings

from ortak.plans.io.exporter import export_json
from ortak.plans.io.workbook import PLAN, SHEETS
from ortak.plans.models import StrategicPlan
from ortak.plans.tests.factories import build_plan

FORMATS = Path(settings.BASE_DIR) / "docs" / "formats"


@pytest.fixture(scope="module")
def schema():
    return json.loads((FORMATS / "plan.schema.json").read_text())


def test_the_schema_is_json_schema_2020_12(schema):
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert set(schema["required"]) <= set(schema["properties"])


def test_the_readme_names_every_sheet_and_column():
    readme = (FORMATS / "README.md").read_text()
    flat = " ".join(readme.split())

    for name in (PLAN.name, PLAN.label_header, PLAN.value_header, *(f.label for f in PLAN.fields)):
        assert name in flat, name
    for spec in SHEETS:
        assert f"**`{spec.name}`**" in readme
        for column in spec.columns:
            assert column.header in flat, column.header


@pytest.mark.django_db
def test_every_key_of_an_export_is_described_by_the_schema(schema):
    plan = build_plan(
        aims=1, objectives_per_aim=1, indicators_per_objective=2, activities_per_objective=1
    )
    data = json.loads(export_json(StrategicPlan.objects.get(pk=plan.pk)))
    defs = schema["$defs"]
    aim = data["aims"][0]
    objective = aim["objectives"][0]
    indicator = objective["indicators"][0]

    levels = [
        (data, schema),
        (aim, defs["aim"]),
        (objective, defs["objective"]),
        (indicator, defs["indicator"]),
        (indicator["measurements"][0], defs["measurement"]),
        (objective["activities"][0], defs["activity"]),
    ]
    for item, definition in levels:
        assert set(item) <= set(definition["properties"]), set(item) - set(definition["properties"])
        assert set(definition.get("required", [])) <= set(item)
