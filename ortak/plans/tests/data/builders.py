"""Small plan documents and the files written from them, for the import/export tests."""

from __future__ import annotations

import datetime
import io
from decimal import Decimal
from typing import Any

import openpyxl

from ortak.plans.io.document import (
    ActivityRow,
    AimRow,
    DocumentKind,
    IndicatorRow,
    MeasurementRow,
    ObjectiveRow,
    PlanDocument,
    PlanHeader,
    Source,
)
from ortak.plans.io.writer import write_csv, write_xlsx
from ortak.plans.io.writer_json import write_json

YEARS = (2025, 2026, 2027, 2028, 2029)
UNIT = "Strateji Geliştirme Müdürlüğü"
OTHER_UNIT = "Fen İşleri Müdürlüğü"


def sample_document(
    *,
    municipality: str = "",
    aims: int = 2,
    objectives_per_aim: int = 2,
    indicators_per_objective: int = 2,
    measurements: bool = True,
    unit: str = UNIT,
) -> PlanDocument:
    """A small, valid plan: weights sum to 100, targets rise 20…60 from a baseline of 10."""
    aim_rows: list[AimRow] = []
    objective_rows: list[ObjectiveRow] = []
    indicator_rows: list[IndicatorRow] = []
    activity_rows: list[ActivityRow] = []
    values: list[MeasurementRow] = []
    for a in range(1, aims + 1):
        aim_rows.append(AimRow(Source("Amaçlar", a + 1), str(a), f"Amaç {a}: katılımı artırmak"))
        for o in range(1, objectives_per_aim + 1):
            code = f"{a}.{o}"
            objective_rows.append(
                ObjectiveRow(
                    Source("Hedefler", len(objective_rows) + 2),
                    code,
                    str(a),
                    f"Hedef {code}: hizmetlere erişimi kolaylaştırmak",
                    responsible_unit=unit,
                    cooperating_units=(OTHER_UNIT,) if unit else (),
                    risks="Bütçe kısıtları",
                    strategies="Mahalle ölçeğinde katılımcı planlama",
                    cost_estimate=Decimal("1250000.50"),
                    findings="Tespit",
                    needs="İhtiyaç",
                )
            )
            share = Decimal(100) / indicators_per_objective
            for i in range(1, indicators_per_objective + 1):
                icode = f"{code}.{i}"
                indicator_rows.append(
                    IndicatorRow(
                        Source("Göstergeler", len(indicator_rows) + 2),
                        icode,
                        code,
                        f"Gösterge {icode}",
                        unit_of_measure="adet",
                        weight=share.quantize(Decimal("0.001")),
                        baseline=Decimal(10),
                        direction="increasing",
                        kind="cumulative",
                        targets=tuple((y, Decimal(10 * (k + 2))) for k, y in enumerate(YEARS)),
                        monitoring_frequency="six_monthly",
                        reporting_frequency="yearly",
                        data_source="Müdürlük kayıtları",
                        owner_unit=unit,
                    )
                )
                if measurements:
                    values.append(
                        MeasurementRow(
                            Source("Ölçümler", len(values) + 2),
                            icode,
                            "2025",
                            Decimal(20),
                            "Hedefe ulaşıldı",
                            "https://example.org/kanit.pdf",
                        )
                    )
            activity_rows.append(
                ActivityRow(
                    Source("Faaliyetler", len(activity_rows) + 2),
                    f"F{code}",
                    code,
                    f"Faaliyet {code}",
                    kind="project",
                    responsible_unit=unit,
                    start_date=datetime.date(2025, 1, 1),
                    end_date=datetime.date(2026, 12, 31),
                    planned_costs=tuple((y, Decimal("100000.00")) for y in YEARS),
                )
            )
    return PlanDocument(
        kind=DocumentKind.PLAN,
        format="xlsx",
        plan=PlanHeader(
            Source("Plan"),
            municipality=municipality,
            start_year=2025,
            end_year=2029,
            title="Deneme Belediyesi Stratejik Planı 2025-2029",
            mission="Katılımcı hizmet",
            vision="Yaşanabilir kent",
            core_values="Şeffaflık",
            council_decision_date=datetime.date(2024, 10, 1),
            council_decision_number="2024/112",
        ),
        aims=tuple(aim_rows),
        objectives=tuple(objective_rows),
        indicators=tuple(indicator_rows),
        activities=tuple(activity_rows),
        measurements=tuple(values),
        has_measurements=measurements,
    )


def xlsx(document: PlanDocument | None = None, **kwargs: Any) -> bytes:
    return write_xlsx(document or sample_document(**kwargs))


def json_file(document: PlanDocument | None = None, **kwargs: Any) -> bytes:
    return write_json(document or sample_document(**kwargs))


def csv_file(document: PlanDocument | None = None, **kwargs: Any) -> bytes:
    return write_csv((document or sample_document(**kwargs)).measurements)


def edit_xlsx(content: bytes, edits: dict[tuple[str, str], Any]) -> bytes:
    """Change cells: ``{("Göstergeler", "E2"): "abc"}``; a value of None empties the cell."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    for (sheet, cell), value in edits.items():
        workbook[sheet][cell] = value
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def rename_sheet(content: bytes, old: str, new: str | None) -> bytes:
    """Rename a sheet, or delete it when ``new`` is None."""
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    if new is None:
        del workbook[old]
    else:
        workbook[old].title = new
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def delete_column(content: bytes, sheet: str, column: int) -> bytes:
    workbook = openpyxl.load_workbook(io.BytesIO(content))
    workbook[sheet].delete_cols(column)
    output = io.BytesIO()
    workbook.save(output)
    return output.getvalue()


def without_source(document: PlanDocument) -> PlanDocument:
    """The document with row locations and format blanked, to compare content only."""
    import dataclasses

    def strip(row: Any) -> Any:
        return dataclasses.replace(row, source=Source(""))

    return dataclasses.replace(
        document,
        format="",
        plan=strip(document.plan) if document.plan else None,
        aims=tuple(map(strip, document.aims)),
        objectives=tuple(map(strip, document.objectives)),
        indicators=tuple(map(strip, document.indicators)),
        activities=tuple(map(strip, document.activities)),
        measurements=tuple(map(strip, document.measurements)),
    )
