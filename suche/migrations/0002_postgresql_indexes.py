"""PostgreSQL's own indexes for the search: the full-text vector and trigrams of title and summary.

SQLite (the try-it-out database) has neither and searches plain columns.
"""

from django.db import migrations

FORWARDS = [
    "CREATE EXTENSION IF NOT EXISTS pg_trgm",
    "CREATE INDEX IF NOT EXISTS sucheintrag_vektor ON suche_sucheintrag USING gin (suchvektor)",
    "CREATE INDEX IF NOT EXISTS sucheintrag_kurz_trgm ON suche_sucheintrag USING gin (kurz gin_trgm_ops)",
    "CREATE INDEX IF NOT EXISTS sucheintrag_sprache ON suche_sucheintrag (sprache, typ)",
]
BACKWARDS = [
    "DROP INDEX IF EXISTS sucheintrag_sprache",
    "DROP INDEX IF EXISTS sucheintrag_kurz_trgm",
    "DROP INDEX IF EXISTS sucheintrag_vektor",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [
        ("suche", "0001_initial"),
    ]

    operations = [
        migrations.RunPython(_run(FORWARDS), _run(BACKWARDS)),
    ]
