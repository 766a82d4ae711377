"""Announce what became visible on its own, and send what is still waiting.

Run every 10 minutes (cron or a systemd timer, see the README). Items that
appear when staff save them are announced at once; this catches those whose
publishing window (`veroeffentlichen_ab`) opened since, and queues a sending
run for deliveries (and confirmation mails) a failing mail server left
pending. `--dry-run` shows what it would announce and how many mails wait,
and changes nothing.
"""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from benachrichtigungen.models import Anmeldung, Zustellung
from benachrichtigungen.quellen import QUELLEN
from benachrichtigungen.services import ankuendigungen_create
from benachrichtigungen.tasks import bestaetigung_send, zustellungen_send

BESTAETIGUNG_UNTERWEGS = datetime.timedelta(minutes=10)


class Command(BaseCommand):
    help = "Kündigt neu sichtbare Termine und Meldungen an und stößt den Versand wartender Benachrichtigungen an."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, nichts ändern oder senden.")

    def handle(self, *args, dry_run=False, **options):
        if dry_run:
            now = timezone.now()
            faellig = [item for quelle in QUELLEN for item in quelle.due(now)]
            self.stdout.write(f"{len(faellig)} Inhalte würden angekündigt.")
            for item in faellig:
                self.stdout.write(f"  {item._meta.verbose_name}: {item}")
            self.stdout.write(f"{Zustellung.objects.pending().count()} Benachrichtigungen warten auf den Versand.")
            return
        neu = ankuendigungen_create()
        wartend = Zustellung.objects.pending().count()
        if wartend:
            # Runs that gave up on a failing server leave their deliveries pending: one more run for them.
            zustellungen_send.enqueue()
        # Confirmation mails held back the same way (the ones asked for just now are still on their way).
        unterwegs = timezone.now() - BESTAETIGUNG_UNTERWEGS
        for pk in Anmeldung.objects.unmailed(since=unterwegs).values_list("pk", flat=True):
            bestaetigung_send.enqueue(pk)
        self.stdout.write(
            self.style.SUCCESS(f"{len(neu)} Inhalte angekündigt, {wartend} Benachrichtigungen zum Versand übergeben.")
        )
