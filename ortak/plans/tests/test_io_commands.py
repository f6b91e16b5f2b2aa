"""``import_plan``, ``export_plan`` and ``plan_template`` at the command line."""

from __future__ import annotations

import io
import json

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.utils import translation

from ortak.organizations.tests.factories import MunicipalityFactory, UnitFactory
from ortak.plans.models import Indicator, StrategicPlan
from ortak.plans.tests.data.builders import OTHER_UNIT, UNIT, edit_xlsx, xlsx
from ortak.plans.tests.factories import build_plan, plan_editor

pytestmark = pytest.mark.django_db


@pytest.fixture
def municipality():
    municipality = MunicipalityFactory(name="Deneme Belediyesi", slug="deneme")
    UnitFactory(municipality=municipality, name=UNIT)
    UnitFactory(municipality=municipality, name=OTHER_UNIT)
    return municipality


def run(*args):
    out = io.StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_import_plan_imports_a_workbook(municipality, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx())

    output = run("import_plan", str(path), "--municipality", "deneme")

    assert "Imported" in output and "indicators" in output
    assert Indicator.objects.filter(plan__municipality=municipality).count() == 8


def test_a_dry_run_prints_the_changes_and_writes_nothing(municipality, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx())

    output = run("import_plan", str(path), "--municipality", "deneme", "--dry-run")

    assert "Dry run" in output
    assert not StrategicPlan.objects.exists()


def test_errors_are_printed_in_turkish_and_english_and_exit_non_zero(municipality, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(edit_xlsx(xlsx(), {("Göstergeler", "E3"): "yüksek"}))
    out = io.StringIO()

    with pytest.raises(CommandError, match="1 error"):
        call_command("import_plan", str(path), "--municipality", "deneme", stdout=out)

    lines = out.getvalue().splitlines()
    assert any(line.startswith("[tr] Göstergeler") and "«yüksek»" in line for line in lines)
    assert any(line.startswith("[en] Göstergeler, row 3") for line in lines)
    assert not StrategicPlan.objects.exists()


def test_a_command_line_failure_exits_with_status_1(municipality, tmp_path):
    from django.core.management import ManagementUtility

    path = tmp_path / "empty.xlsx"
    path.write_bytes(b"")

    with pytest.raises(SystemExit) as exit_info:
        ManagementUtility(
            ["manage.py", "import_plan", str(path), "--municipality", "deneme"]
        ).execute()

    assert exit_info.value.code == 1


def test_an_adopted_plan_needs_a_reason(municipality, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx())
    run("import_plan", str(path), "--municipality", "deneme")
    StrategicPlan.objects.update(status=StrategicPlan.Status.ADOPTED)
    path.write_bytes(edit_xlsx(xlsx(), {("Göstergeler", "J2"): 35}))

    with translation.override("en"), pytest.raises(CommandError, match="reason"):
        run("import_plan", str(path), "--municipality", "deneme")
    output = run("import_plan", str(path), "--municipality", "deneme", "--reason", "Ara dönem")

    assert "(revision)" in output


def test_a_user_named_on_the_command_line_is_permission_checked(municipality, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx())
    outsider = plan_editor(MunicipalityFactory())

    with pytest.raises(CommandError, match="may not import"):
        run("import_plan", str(path), "--municipality", "deneme", "--user", outsider.email)


def test_a_csv_names_its_plan(municipality, tmp_path):
    path = tmp_path / "plan.xlsx"
    path.write_bytes(xlsx(measurements=False))
    run("import_plan", str(path), "--municipality", "deneme")
    csv_path = tmp_path / "olcumler.csv"
    csv_path.write_text("Gösterge kodu;Dönem;Değer;Açıklama;Kanıt\n1.1.1;2025;20;;\n")

    run("import_plan", str(csv_path), "--municipality", "deneme", "--plan", "2025-2029")

    assert Indicator.objects.get(code="1.1.1").measurements.count() == 1


@pytest.mark.parametrize("fmt", ["xlsx", "json", "csv"])
def test_export_plan_writes_the_file(tmp_path, fmt):
    plan = build_plan()
    path = tmp_path / f"plan.{fmt}"

    run("export_plan", plan.municipality.slug, "2025-2029", "--format", fmt, "-o", str(path))

    content = path.read_bytes()
    if fmt == "json":
        assert json.loads(content)["start_year"] == 2025
    elif fmt == "xlsx":
        assert openpyxl.load_workbook(io.BytesIO(content)).sheetnames[0] == "Plan"
    else:
        assert content.decode("utf-8-sig").startswith("Gösterge kodu;Dönem;Değer")


def test_export_plan_refuses_an_unknown_plan(municipality, tmp_path):
    with pytest.raises(CommandError):
        run("export_plan", "deneme", "2025-2029", "-o", str(tmp_path / "x.xlsx"))


def test_plan_template_writes_the_template(tmp_path):
    path = tmp_path / "sablon.xlsx"

    run("plan_template", "-o", str(path), "--start", "2030")

    workbook = openpyxl.load_workbook(io.BytesIO(path.read_bytes()))
    assert workbook.sheetnames == [
        "Plan",
        "Amaçlar",
        "Hedefler",
        "Göstergeler",
        "Faaliyetler",
        "Ölçümler",
    ]
    assert [c.value for c in workbook["Faaliyetler"][1]][-5:] == [
        "2030",
        "2031",
        "2032",
        "2033",
        "2034",
    ]
