"""Mail each Beratung member their overdue requests and every open request nobody has taken.

Run once a day, in the morning (cron or a systemd timer, see the README). On
weekends and NRW public holidays it sends nothing: the first-answer targets
count working days only. Each member with an e-mail address gets one mail
with reference numbers and admin links, never names, contacts or messages;
nobody gets a mail with nothing in it. The task worker sends them.

It also hands answers a failing mail server left unsent ("wird gesendet")
to the worker again; an answer is locked while it is sent, so none goes twice.
`--dry-run` shows what would be sent without sending or queuing anything.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand
from django.utils import timezone

from anfragen.fristen import is_working_day
from anfragen.models import BERATUNG_TEAM, Antwort
from anfragen.services import antwort_mail_enqueue
from anfragen.tasks import erinnerung_lists, erinnerung_send


class Command(BaseCommand):
    help = "Schickt dem Beratungsteam die tägliche Erinnerung an überfällige und nicht zugewiesene Anfragen."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Nur anzeigen, nichts senden.")

    def handle(self, *args, dry_run=False, **options):
        unsent = list(Antwort.objects.pending().exclude(anfrage__email="").values_list("pk", flat=True))
        if unsent:
            self.stdout.write(
                f"{len(unsent)} ungesendete Antworten {'würden' if dry_run else 'werden'} neu eingereiht."
            )
            if not dry_run:
                for antwort_id in unsent:
                    antwort_mail_enqueue(antwort_id)
        heute = timezone.localdate()
        if not is_working_day(heute):
            self.stdout.write(f"{heute:%d.%m.%Y} ist kein Arbeitstag: keine Erinnerungen.")
            return
        team = get_user_model().objects.filter(BERATUNG_TEAM).exclude(email="").order_by("pk")
        gesendet = 0
        for user in team:
            ueberfaellig, niemand = erinnerung_lists(user)
            if not ueberfaellig and not niemand:
                continue
            gesendet += 1
            if dry_run:
                self.stdout.write(
                    f"  {user.get_username()}: {len(ueberfaellig)} überfällig, {len(niemand)} niemandem zugewiesen"
                )
            else:
                erinnerung_send.enqueue(user.pk)
        verb = "würden" if dry_run else "werden"
        self.stdout.write(self.style.SUCCESS(f"{gesendet} Erinnerungen {verb} gesendet."))
