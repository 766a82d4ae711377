"""Delete sign-ups for e-mail alerts that were not confirmed within 7 days (BESTAETIGUNG_TAGE).

Run daily (cron or a systemd timer, see the README). `--dry-run` shows how
many would go without deleting anything.
"""

from django.core.management.base import BaseCommand

from benachrichtigungen.models import BESTAETIGUNG_TAGE, Anmeldung
from benachrichtigungen.services import anmeldungen_purge


class Command(BaseCommand):
    help = f"Löscht Anmeldungen zu Benachrichtigungen, die nicht binnen {BESTAETIGUNG_TAGE} Tagen bestätigt wurden."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, nichts löschen.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            # Only a count: the addresses themselves are for superusers' eyes (and the log is not).
            anzahl = Anmeldung.objects.expired().count()
            self.stdout.write(f"{anzahl} unbestätigte Anmeldungen würden gelöscht (älter als {BESTAETIGUNG_TAGE} Tage)")
            return
        anzahl = anmeldungen_purge()
        self.stdout.write(
            self.style.SUCCESS(f"{anzahl} unbestätigte Anmeldungen gelöscht (älter als {BESTAETIGUNG_TAGE} Tage).")
        )
