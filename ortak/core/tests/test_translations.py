"""Turkish is the default language and must be complete: no untranslated or fuzzy entries."""

from __future__ import annotations

from pathlib import Path

import polib  # type: ignore[import-untyped]
import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
CATALOGUES = sorted(
    [
        *BASE.glob("ortak/*/locale/tr/LC_MESSAGES/django.po"),
        *BASE.glob("locale/tr/LC_MESSAGES/django.po"),
    ]
)


def test_there_are_catalogues():
    assert CATALOGUES, "no Turkish catalogue found"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(BASE)))
def test_turkish_catalogue_is_complete(path: Path):
    catalogue = polib.pofile(str(path))
    problems = [e.msgid for e in catalogue if not e.obsolete and (e.fuzzy or not e.translated())]
    assert problems == [], f"{path}: untranslated or fuzzy: {problems[:10]}"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(BASE)))
def test_turkish_translations_keep_placeholders(path: Path):
    """A translation that drops or renames %(name)s would crash or mislead at run time."""
    import re

    pattern = re.compile(r"%\([a-z_]+\)[sd]|\{[a-z_]+\}")
    catalogue = polib.pofile(str(path))
    broken = []
    for entry in catalogue:
        if entry.obsolete or not entry.msgstr:
            continue
        if sorted(pattern.findall(entry.msgid)) != sorted(pattern.findall(entry.msgstr)):
            broken.append(entry.msgid)
    assert broken == [], f"{path}: placeholders differ: {broken[:10]}"
