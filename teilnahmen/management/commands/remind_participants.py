"""Queue the reminder mail for everyone with a place at tomorrow's events (the task worker sends it),
and queue again the mails a failing mail server left unsent after all retries.

Run daily, e.g. at 9:00 (cron or a systemd timer, see the README). Each person
gets each mail once, whenever the job runs; `--dry-run` only counts.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from teilnahmen.models import Teilnahme
from teilnahmen.services import erinnerungen_queue, unsent_requeue


class Command(BaseCommand):
    help = "Erinnert alle mit einem bestätigten Platz einen Tag vor der Veranstaltung per E-Mail."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nur zählen, nichts senden.")

    def handle(self, *args, dry_run=False, **options):
        morgen = timezone.localdate() + datetime.timedelta(days=1)
        if dry_run:
            anzahl = Teilnahme.objects.due_for_reminder(day=morgen).count()
            self.stdout.write(f"{anzahl} Erinnerungen würden gesendet (Veranstaltungen am {morgen:%d.%m.%Y}).")
            return
        anzahl = erinnerungen_queue(day=morgen)
        self.stdout.write(
            self.style.SUCCESS(f"{anzahl} Erinnerungen eingereiht (Veranstaltungen am {morgen:%d.%m.%Y}).")
        )
        nachgeholt = unsent_requeue()
        if nachgeholt:
            self.stdout.write(self.style.SUCCESS(f"{nachgeholt} liegengebliebene E-Mails erneut eingereiht."))
