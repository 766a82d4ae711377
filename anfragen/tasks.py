"""Background jobs for requests, run by the task worker (`manage.py db_worker`)."""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from anfragen.models import BERATUNG_TEAM, Anfrage

logger = logging.getLogger(__name__)

MAX_VERSUCHE = 6  # with the backoff below: retries over about 5 hours


def _mail(*, betreff_template: str, text_template: str, context: dict, an: list[str]) -> None:
    betreff = render_to_string(betreff_template, context).strip().replace("\n", " ")
    EmailMessage(betreff, render_to_string(text_template, context), settings.DEFAULT_FROM_EMAIL, an).send()


def team_notify(anfrage: Anfrage) -> None:
    """Tell the advice team that a request arrived: number and link only, no personal data."""
    empfaenger = list(get_user_model().objects.filter(BERATUNG_TEAM).exclude(email="").values_list("email", flat=True))
    if empfaenger:
        with translation.override(settings.LANGUAGE_CODE):
            _mail(
                betreff_template="anfragen/mail/team_betreff.txt",
                text_template="anfragen/mail/team.txt",
                context={
                    "anfrage": anfrage,
                    "admin_url": settings.SITE_URL + reverse("admin:anfragen_anfrage_change", args=[anfrage.pk]),
                },
                an=empfaenger,
            )
    anfrage.team_benachrichtigt_am = timezone.now()
    anfrage.save(update_fields=["team_benachrichtigt_am"])


def bestaetigung_send(anfrage: Anfrage) -> None:
    """Confirm to the advice seeker, in their language, with the reference number and status link."""
    if anfrage.email:
        sprache = anfrage.sprache if anfrage.sprache in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE
        with translation.override(sprache):
            _mail(
                betreff_template="anfragen/mail/bestaetigung_betreff.txt",
                text_template="anfragen/mail/bestaetigung.txt",
                context={"anfrage": anfrage, "status_url": settings.SITE_URL + anfrage.get_status_url()},
                an=[anfrage.email],
            )
    anfrage.bestaetigung_gesendet_am = timezone.now()
    anfrage.save(update_fields=["bestaetigung_gesendet_am"])


@task
def anfrage_notify(anfrage_id: int, versuch: int = 1) -> None:
    anfrage = Anfrage.objects.filter(pk=anfrage_id).first()
    if anfrage is None:
        return  # deleted or purged meanwhile: nobody left to tell
    try:
        if anfrage.team_benachrichtigt_am is None:
            team_notify(anfrage)
        if anfrage.bestaetigung_gesendet_am is None:
            bestaetigung_send(anfrage)
    except Exception:
        logger.exception("Mail for request %s failed (attempt %s of %s)", anfrage.referenz, versuch, MAX_VERSUCHE)
        backend = anfrage_notify.get_backend()
        if versuch < MAX_VERSUCHE and backend.supports_defer:
            warten = datetime.timedelta(minutes=5 * 2 ** (versuch - 1))
            anfrage_notify.using(run_after=timezone.now() + warten).enqueue(anfrage_id, versuch + 1)
        else:
            logger.error("Giving up on mail for request %s; the team sees it in the admin.", anfrage.referenz)
