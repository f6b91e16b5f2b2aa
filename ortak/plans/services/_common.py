"""Helpers shared by the plans services (and the import's writer): permission guard, validated
save, input checks, target writes."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import PurePath
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

from ortak.organizations.models import Unit
from ortak.plans.models import Indicator, IndicatorTarget, StrategicPlan

# Evidence files: what strategy units attach (scans, spreadsheets, reports), checked by extension
# and by their first bytes, so that a renamed executable is not accepted as a PDF.
_ZIP = b"PK\x03\x04"
EVIDENCE_SIGNATURES: dict[str, tuple[bytes, ...]] = {
    "pdf": (b"%PDF-",),
    "png": (b"\x89PNG\r\n\x1a\n",),
    "jpg": (b"\xff\xd8\xff",),
    "jpeg": (b"\xff\xd8\xff",),
    "xlsx": (_ZIP,),
    "docx": (_ZIP,),
    "csv": (),  # text: checked for NUL bytes instead
}


def require(allowed: bool) -> None:
    """Raise ``PermissionDenied`` unless the permission predicate said yes."""
    if not allowed:
        raise PermissionDenied


def save(obj: models.Model, *, exclude: Iterable[str] | None = None) -> None:
    """``full_clean()`` then ``save()`` (STYLE: validation before every write)."""
    obj.full_clean(exclude=list(exclude) if exclude else None)
    obj.save()


def check_units(plan: StrategicPlan, field: str, units: Iterable[Unit | None]) -> None:
    """Units named on a plan belong to the plan's municipality."""
    for unit in units:
        if unit is not None and unit.municipality_id != plan.municipality_id:
            raise ValidationError({field: _("Choose a unit of this municipality.")})


def check_plan_year(plan: StrategicPlan, field: str, year: int) -> None:
    if year not in plan.years:
        raise ValidationError(
            {
                field: _("%(year)s is not a year of this plan (%(start)s–%(end)s).")
                % {"year": year, "start": plan.start_year, "end": plan.end_year}
            }
        )


def _file_error(field: str, message: Any, code: str) -> ValidationError:
    return ValidationError({field: ValidationError(message, code=code)})


def validate_evidence(upload: UploadedFile, *, field: str = "evidence") -> None:
    """Evidence: PDF, PNG, JPG, XLSX, DOCX or CSV, at most ``ORTAK_UPLOAD_MAX_BYTES``."""
    name = upload.name or ""
    extension = PurePath(name).suffix.lower().lstrip(".")
    if extension not in EVIDENCE_SIGNATURES:
        raise _file_error(field, _("Attach a PDF, PNG, JPG, XLSX, DOCX or CSV file."), "file_type")
    limit = settings.ORTAK_UPLOAD_MAX_BYTES
    if upload.size is None or upload.size > limit:
        message = _("The file is larger than %(limit)s.") % {"limit": filesizeformat(limit)}
        raise _file_error(field, message, "file_size")
    upload.seek(0)
    head = upload.read(2048)
    upload.seek(0)
    signatures = EVIDENCE_SIGNATURES[extension]
    matches = b"\x00" not in head if not signatures else any(head.startswith(s) for s in signatures)
    if not matches:
        message = _("The file's content does not match its type (.%(ext)s).") % {"ext": extension}
        raise _file_error(field, message, "file_content")


@dataclass(frozen=True)
class TargetWrites:
    """The rows to write so that an indicator's yearly targets become the wanted ones."""

    create: list[IndicatorTarget]
    update: list[IndicatorTarget]  # their ``value`` already set to the new one
    delete: list[int]  # primary keys

    @property
    def any(self) -> bool:
        return bool(self.create or self.update or self.delete)


def target_writes(
    indicator: Indicator,
    existing: Mapping[int, IndicatorTarget],
    wanted: Mapping[int, Decimal | None],
) -> TargetWrites:
    """Compare the targets by year with the wanted values (``None`` removes a year's target).

    Shared by the editor's services and the import, which write the result their own way.
    """
    create: list[IndicatorTarget] = []
    update: list[IndicatorTarget] = []
    delete: list[int] = []
    for year, value in wanted.items():
        row = existing.get(year)
        if value is None:
            if row is not None:
                delete.append(row.pk)
        elif row is None:
            create.append(IndicatorTarget(indicator=indicator, year=year, value=value))
        elif row.value != value:
            row.value = value
            update.append(row)
    return TargetWrites(create=create, update=update, delete=delete)


def changed_fields(obj: models.Model, values: dict[str, Any]) -> list[str]:
    """Assign ``values`` to ``obj`` and return the names of those that changed."""
    changed = []
    for name, value in values.items():
        if getattr(obj, name) != value:
            setattr(obj, name, value)
            changed.append(name)
    return changed
