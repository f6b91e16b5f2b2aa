"""Turkish is the default language and must be complete: no untranslated or fuzzy entries."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.conf import settings

BASE = Path(settings.BASE_DIR)
CATALOGUES = sorted(
    [
        *BASE.glob("ortak/*/locale/tr/LC_MESSAGES/django.po"),
        *BASE.glob("locale/tr/LC_MESSAGES/django.po"),
    ]
)


def _entries(text: str) -> list[tuple[str, str, bool]]:
    """(msgid, msgstr-joined, fuzzy) for each entry of a .po file, header excluded."""
    entries = []
    for block in re.split(r"\n\s*\n", text):
        if "msgid" not in block:
            continue
        fuzzy = bool(re.search(r"^#,.*\bfuzzy\b", block, re.M))
        msgid = "".join(
            re.findall(r'^(?:msgid|msgid_plural)?\s*"(.*)"$', block.split("msgstr")[0], re.M)
        )
        strs = "".join(re.findall(r'"(.*)"', "msgstr".join(block.split("msgstr")[1:])))
        if msgid == "" and "msgctxt" not in block:
            continue
        if block.lstrip().startswith("#~"):
            continue
        entries.append((msgid, strs, fuzzy))
    return entries


def test_there_are_catalogues():
    assert CATALOGUES, "no Turkish catalogue found"


@pytest.mark.parametrize("path", CATALOGUES, ids=lambda p: str(p.relative_to(BASE)))
def test_turkish_catalogue_is_complete(path: Path):
    problems = [
        msgid
        for msgid, msgstr, fuzzy in _entries(path.read_text(encoding="utf-8"))
        if fuzzy or not msgstr
    ]
    assert problems == [], f"{path}: untranslated or fuzzy: {problems[:10]}"
