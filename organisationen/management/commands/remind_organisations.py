"""Mail staff the directory's entries due for their yearly confirmation (each entry once a year).

Run daily (cron or a systemd timer, see the README): an entry last confirmed a
year ago is in the next run's mail, and not again for a year. `--dry-run`
lists the entries without mailing or noting anything.
"""

from django.core.management.base import BaseCommand

from organisationen.models import Organisation
from organisationen.services import organisationen_remind


class Command(BaseCommand):
    help = "Erinnert die Verwaltung an Einträge im Verzeichnis der Migrantenorganisationen, die zu bestätigen sind."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, keine E-Mail senden.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            faellig = list(Organisation.objects.due_for_confirmation().order_by("name"))
            self.stdout.write(f"{len(faellig)} Einträge wären in der Erinnerung.")
        else:
            faellig = organisationen_remind()
            self.stdout.write(self.style.SUCCESS(f"Erinnerung an {len(faellig)} Einträge verschickt."))
        for organisation in faellig:
            self.stdout.write(
                f"  {organisation.name} (zuletzt bestätigt am {organisation.zuletzt_bestaetigt:%d.%m.%Y})"
            )
