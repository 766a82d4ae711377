"""The mails to people who registered, sent by the task worker (`manage.py db_worker`)."""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from teilnahmen.models import Teilnahme

logger = logging.getLogger(__name__)

MAX_VERSUCHE = 6
# Which mail, and the field that records it went out (None: may go again, e.g. the link asked for twice).
ARTEN = {
    "bestaetigung": "bestaetigung_gesendet_am",
    "nachrueckung": "nachrueckung_gesendet_am",
    "erinnerung": "erinnerung_gesendet_am",
    "absage": "absage_gesendet_am",
    "erneut": "erneut_gesendet_am",
    "aenderung": "aenderung_gesendet_am",
}
# Mails that may go more than once: the link asked for again (teilnahme_create limits how often), and
# news of a changed date, time or place (each change once: it is queued by the change).
WIEDERHOLBAR = {"erneut", "aenderung"}


def teilnahme_message(teilnahme: Teilnahme, art: str) -> EmailMessage:
    """The mail `art` in the person's language: the event, their status and their personal link."""
    with translation.override(teilnahme.sprache):
        veranstaltung = teilnahme.veranstaltung
        context = {
            "teilnahme": teilnahme,
            "veranstaltung": veranstaltung,
            "link": settings.SITE_URL + teilnahme.get_absolute_url(),
            "seite": settings.SITE_URL + veranstaltung.get_absolute_url(),
            "wartelistenplatz": teilnahme.wartelistenplatz(),
            "termine": settings.SITE_URL + reverse("veranstaltungen:list"),
        }
        vorlage = "bestaetigung" if art == "erneut" else art
        betreff = render_to_string(f"teilnahmen/mail/{vorlage}_betreff.txt", context).strip().replace("\n", " ")
        text = render_to_string(f"teilnahmen/mail/{vorlage}.txt", context)
    return EmailMessage(betreff, text, settings.DEFAULT_FROM_EMAIL, [teilnahme.email])


@task
def teilnahme_mail(teilnahme_id: int, art: str, versuch: int = 1) -> None:
    """Send one mail to one registered person, once: the row is locked while it is sent."""
    feld = ARTEN[art]
    with transaction.atomic():
        teilnahme = (
            # Only this row (of=self): locking the joined event too would skip the mail whenever a
            # registration for the same event holds the event's row, and it would never be sent.
            Teilnahme.objects.select_for_update(skip_locked=True, of=("self",))
            .select_related("veranstaltung")
            .filter(pk=teilnahme_id)
            .first()
        )
        if teilnahme is None or (art not in WIEDERHOLBAR and getattr(teilnahme, feld) is not None):
            return  # cancelled or purged meanwhile, sent already, or being sent by another worker
        try:
            teilnahme_message(teilnahme, art).send()
        except Exception:
            logger.exception("Mail %s for registration %s failed (attempt %s)", art, teilnahme_id, versuch)
            if versuch < MAX_VERSUCHE and teilnahme_mail.get_backend().supports_defer:
                warten = datetime.timedelta(minutes=5 * 2 ** (versuch - 1))
                transaction.on_commit(
                    lambda: teilnahme_mail.using(run_after=timezone.now() + warten).enqueue(
                        teilnahme_id, art, versuch + 1
                    )
                )
            return
        setattr(teilnahme, feld, timezone.now())
        teilnahme.save(update_fields=[feld])
