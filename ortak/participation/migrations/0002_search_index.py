"""The full-text index over SearchEntry.text, built for the database in use.

PostgreSQL: a GIN index over the Turkish-stemmed and the unstemmed ("simple") vectors of the
folded text; ``ortak.participation.search`` queries exactly this expression so the index is used.
SQLite: an FTS5 table with external content (no copy of the text) kept in sync by triggers.
Other databases get no index; search then falls back to LIKE on the folded text.

Careful: SQLite rebuilds a table for most ALTERs, which drops its triggers. A later migration
that alters SearchEntry must run ``SQLITE_CREATE`` again (it is idempotent and ends with a
rebuild of the FTS table).
"""

from django.db import migrations

PG_INDEX = (
    "CREATE INDEX IF NOT EXISTS participation_searchentry_fts ON participation_searchentry "
    "USING GIN ((to_tsvector('turkish'::regconfig, text) || to_tsvector('simple'::regconfig, text)))"
)
PG_DROP = "DROP INDEX IF EXISTS participation_searchentry_fts"

SQLITE_CREATE = [
    "CREATE VIRTUAL TABLE IF NOT EXISTS participation_searchfts USING fts5("
    "text, content='participation_searchentry', content_rowid='id', tokenize='unicode61')",
    "CREATE TRIGGER IF NOT EXISTS participation_searchfts_ai AFTER INSERT ON participation_searchentry "
    "BEGIN INSERT INTO participation_searchfts(rowid, text) VALUES (new.id, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS participation_searchfts_ad AFTER DELETE ON participation_searchentry "
    "BEGIN INSERT INTO participation_searchfts(participation_searchfts, rowid, text) "
    "VALUES ('delete', old.id, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS participation_searchfts_au AFTER UPDATE ON participation_searchentry "
    "BEGIN INSERT INTO participation_searchfts(participation_searchfts, rowid, text) "
    "VALUES ('delete', old.id, old.text); "
    "INSERT INTO participation_searchfts(rowid, text) VALUES (new.id, new.text); END",
    "INSERT INTO participation_searchfts(participation_searchfts) VALUES ('rebuild')",
]
SQLITE_DROP = [
    "DROP TRIGGER IF EXISTS participation_searchfts_ai",
    "DROP TRIGGER IF EXISTS participation_searchfts_ad",
    "DROP TRIGGER IF EXISTS participation_searchfts_au",
    "DROP TABLE IF EXISTS participation_searchfts",
]


def create_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_INDEX)
    elif vendor == "sqlite":
        for statement in SQLITE_CREATE:
            schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "postgresql":
        schema_editor.execute(PG_DROP)
    elif vendor == "sqlite":
        for statement in SQLITE_DROP:
            schema_editor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [("participation", "0001_initial")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
