"""Delete requests that were closed more than REQUEST_RETENTION_DAYS days ago, with their notes and log;
and the directory's old proposals and long-unconfirmed entries (organisationen.services.organisationen_purge);
and registrations for events more than TEILNAHME_RETENTION_DAYS days past (teilnahmen.services.teilnahmen_purge).

Run daily (cron or a systemd timer, see the README). `--dry-run` shows what
would go without deleting anything.
"""

from django.conf import settings
from django.core.management.base import BaseCommand

from anfragen.models import Anfrage
from anfragen.services import anfragen_purge
from organisationen.models import Organisation
from organisationen.services import organisationen_purge
from teilnahmen.models import Teilnahme
from teilnahmen.services import teilnahmen_purge


class Command(BaseCommand):
    help = "Löscht Anfragen, die seit mehr als REQUEST_RETENTION_DAYS Tagen erledigt sind."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, nichts löschen.")
        parser.add_argument(
            "--days", type=int, default=None, help="Aufbewahrungsfrist in Tagen (Standard: REQUEST_RETENTION_DAYS)."
        )

    def handle(self, *args, dry_run=False, days=None, **options):
        tage = settings.REQUEST_RETENTION_DAYS if days is None else days
        if dry_run:
            referenzen = list(Anfrage.objects.due_for_deletion(tage=tage).values_list("referenz", flat=True))
            self.stdout.write(f"{len(referenzen)} Anfragen würden gelöscht (erledigt vor mehr als {tage} Tagen).")
            for referenz in referenzen:
                self.stdout.write(f"  {referenz}")
            vorschlaege = Organisation.objects.purgeable_proposals().count()
            unbestaetigt = Organisation.objects.purgeable_unconfirmed().count()
            self.stdout.write(
                f"{vorschlaege} Vorschläge und {unbestaetigt} lange nicht bestätigte Einträge "
                "im Verzeichnis der Migrantenorganisationen würden gelöscht."
            )
            teilnahmen = Teilnahme.objects.due_for_deletion(tage=settings.TEILNAHME_RETENTION_DAYS).count()
            self.stdout.write(
                f"{teilnahmen} Anmeldungen zu Veranstaltungen würden gelöscht "
                f"(Veranstaltung vor mehr als {settings.TEILNAHME_RETENTION_DAYS} Tagen)."
            )
            return
        anzahl = anfragen_purge(tage=tage)
        self.stdout.write(self.style.SUCCESS(f"{anzahl} Anfragen gelöscht (erledigt vor mehr als {tage} Tagen)."))
        organisationen = organisationen_purge()
        self.stdout.write(
            self.style.SUCCESS(
                f"{organisationen['vorschlaege']} Vorschläge und {organisationen['unbestaetigt']} lange nicht "
                "bestätigte Einträge im Verzeichnis der Migrantenorganisationen gelöscht."
            )
        )
        teilnahmen = teilnahmen_purge()
        self.stdout.write(
            self.style.SUCCESS(
                f"{teilnahmen} Anmeldungen zu Veranstaltungen gelöscht "
                f"(Veranstaltung vor mehr als {settings.TEILNAHME_RETENTION_DAYS} Tagen)."
            )
        )
