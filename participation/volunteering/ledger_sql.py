"""The database triggers that make the time-bank ledger insert-only.

The ORM never updates or deletes a ``LedgerEntry``, but that is a promise of this
code, not of the database: these triggers make any UPDATE or DELETE on the table
fail, whoever sends it (a shell, a script, a bug). Corrections are new entries.
"""

TABLE = "participation_ledgerentry"
MESSAGE = "the time-bank ledger is insert-only: add a correcting entry instead"

SQLITE_CREATE = [
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_update BEFORE UPDATE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
    f"CREATE TRIGGER IF NOT EXISTS {TABLE}_no_delete BEFORE DELETE ON {TABLE} "
    f"BEGIN SELECT RAISE(ABORT, '{MESSAGE}'); END",
]
SQLITE_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_no_update",
    f"DROP TRIGGER IF EXISTS {TABLE}_no_delete",
]
POSTGRES_CREATE = [
    f"CREATE OR REPLACE FUNCTION {TABLE}_refuse() RETURNS trigger AS $$ "
    f"BEGIN RAISE EXCEPTION '{MESSAGE}'; END; $$ LANGUAGE plpgsql",
    f"DROP TRIGGER IF EXISTS {TABLE}_insert_only ON {TABLE}",
    f"CREATE TRIGGER {TABLE}_insert_only BEFORE UPDATE OR DELETE ON {TABLE} "
    f"FOR EACH ROW EXECUTE FUNCTION {TABLE}_refuse()",
]
POSTGRES_DROP = [
    f"DROP TRIGGER IF EXISTS {TABLE}_insert_only ON {TABLE}",
    f"DROP FUNCTION IF EXISTS {TABLE}_refuse()",
]


def statements(vendor, create=True):
    if vendor == "sqlite":
        return SQLITE_CREATE if create else SQLITE_DROP
    if vendor == "postgresql":
        return POSTGRES_CREATE if create else POSTGRES_DROP
    return []


def install(schema_editor):
    for sql in statements(schema_editor.connection.vendor):
        schema_editor.execute(sql)


def uninstall(schema_editor):
    for sql in statements(schema_editor.connection.vendor, create=False):
        schema_editor.execute(sql)


def forwards(apps, schema_editor):
    install(schema_editor)


def backwards(apps, schema_editor):
    uninstall(schema_editor)
