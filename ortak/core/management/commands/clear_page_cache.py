"""``manage.py clear_page_cache``: drop every cached public page (ortak.core.pagecache).

Writes made through Django drop the cache by themselves; this is for changes made around it
(psql, a database restore, a deployment that changed templates or translations).
"""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from ortak.core import pagecache


class Command(BaseCommand):
    help = "Drop every cached public page (after a restore, psql changes or a deployment)."

    def handle(self, *args: Any, **options: Any) -> None:
        before = pagecache.generation()
        pagecache.invalidate()
        after = pagecache.generation()
        if after == before:  # pragma: no cover - the cache refused the write (logged)
            self.stderr.write("The page cache could not be dropped; see the log.")
            raise SystemExit(1)
        self.stdout.write("Every cached public page was dropped.")
