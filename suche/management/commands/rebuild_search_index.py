"""Build the site search's index anew from the published content.

Saves keep the index current, so this is needed only once after installing
(or restoring a backup, or loading data in bulk, e.g. `generate_load_data`).
Safe to run at any time: the rebuild is one transaction, searches meanwhile
see the old index.
"""

from django.core.management.base import BaseCommand

from suche.services import index_rebuild
from suche.sources import SOURCES


class Command(BaseCommand):
    help = "Baut den Suchindex neu aus allen veröffentlichten Inhalten auf."

    def add_arguments(self, parser):
        parser.add_argument("--typ", action="append", choices=sorted(SOURCES), help="nur diese Art (mehrfach möglich)")
        parser.add_argument("--dry-run", action="store_true", help="nur zählen, was in den Index käme")

    def handle(self, *args, typ=None, dry_run=False, **options):
        typen = typ or list(SOURCES)
        if dry_run:
            for name in typen:
                self.stdout.write(f"{name}: {SOURCES[name].queryset().count()}")
            return
        total = index_rebuild(typen=typen)
        self.stdout.write(self.style.SUCCESS(f"Suchindex neu aufgebaut: {total} Einträge."))
