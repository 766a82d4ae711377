"""Trigram indexes for the admin's search over requests (PostgreSQL only).

The admin searches with icontains, i.e. UPPER(column) LIKE UPPER('%term%'),
which no ordinary index can serve: with 50,000 requests each search read the
whole table twice (list and count, about 45 ms each). pg_trgm's GIN indexes on
the same UPPER(...) expressions answer it from the index. SQLite (trying the
portal out) has no such index and needs none.
"""

from django.db import migrations

FIELDS = ("referenz", "name", "email", "telefon", "nachricht")


def create(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    for field in FIELDS:
        schema_editor.execute(
            f'CREATE INDEX IF NOT EXISTS "anfrage_suche_{field}" ON "anfragen_anfrage" '
            f'USING gin ((UPPER("{field}"::text)) gin_trgm_ops)'
        )


def drop(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for field in FIELDS:
        schema_editor.execute(f'DROP INDEX IF EXISTS "anfrage_suche_{field}"')


class Migration(migrations.Migration):
    dependencies = [("anfragen", "0005_eingang_index")]

    operations = [migrations.RunPython(create, drop)]
