#!/usr/bin/env python
"""Fill a .po catalogue from a JSON file of {msgid: msgstr} (used when writing translations).

Usage: .venv/bin/python scripts/po_fill.py path/to/django.po translations.json
Entries already translated are kept unless the JSON gives a new text; fuzzy marks are removed
from the entries it fills. Prints what is still untranslated.
"""

import json
import sys

import polib  # type: ignore[import-untyped]


def main() -> int:
    po_path, json_path = sys.argv[1], sys.argv[2]
    catalogue = polib.pofile(po_path)
    with open(json_path, encoding="utf-8") as handle:
        translations: dict[str, str] = json.load(handle)
    for entry in catalogue:
        if entry.msgid in translations:
            value = translations[entry.msgid]
            if entry.msgid_plural:
                forms = value if isinstance(value, list) else [value, value]
                entry.msgstr_plural = dict(enumerate(forms))
            else:
                entry.msgstr = value
            if entry.fuzzy:
                entry.flags.remove("fuzzy")
    catalogue.save(po_path)
    missing = [e.msgid for e in catalogue if not e.obsolete and (e.fuzzy or not e.translated())]
    for msgid in missing:
        print("MISSING:", msgid)
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
