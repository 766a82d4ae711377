"""Remove the public contact and photo of members who left more than FORMER_MEMBER_CONTACT_DAYS days ago.

Run daily with `purge_requests` (see the README's retention job). `--dry-run`
lists who would be changed without changing anything.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from gremien.services import personen_contact_purge


class Command(BaseCommand):
    help = "Entfernt Kontakt und Foto ehemaliger Mitglieder nach FORMER_MEMBER_CONTACT_DAYS Tagen."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, nichts ändern.")

    def handle(self, *args, dry_run=False, **options):
        tage = settings.FORMER_MEMBER_CONTACT_DAYS
        personen = personen_contact_purge(tage=tage, dry_run=dry_run)
        if dry_run:
            self.stdout.write(f"{len(personen)} ehemalige Mitglieder würden Kontakt/Foto verlieren:")
            for person in personen:
                self.stdout.write(f"  {person}")
            return
        self.stdout.write(self.style.SUCCESS(f"{len(personen)} ehemalige Mitglieder: Kontakt und Foto entfernt."))
