"""Background jobs for requests, run by the task worker (`manage.py db_worker`)."""

import datetime
import logging
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from anfragen.models import BERATUNG_TEAM, Anfrage, Antwort

logger = logging.getLogger(__name__)

MAX_VERSUCHE = 6  # with the backoff below: retries over about 5 hours


def _mail(*, betreff_template: str, text_template: str, context: dict, an: list[str]) -> None:
    betreff = render_to_string(betreff_template, context).strip().replace("\n", " ")
    EmailMessage(betreff, render_to_string(text_template, context), settings.DEFAULT_FROM_EMAIL, an).send()


def admin_link(anfrage_id: int) -> str:
    return settings.SITE_URL + reverse("admin:anfragen_anfrage_change", args=[anfrage_id])


def sprache_of(anfrage: Anfrage) -> str:
    """The language to write to the advice seeker in: theirs, German for "andere"."""
    return anfrage.sprache if anfrage.sprache in dict(settings.LANGUAGES) else settings.LANGUAGE_CODE


def _retry_later(aufgabe, versuch: int, *args) -> bool:
    """Queue `aufgabe` again after a growing pause; False when it gives up."""
    if versuch < MAX_VERSUCHE and aufgabe.get_backend().supports_defer:
        warten = datetime.timedelta(minutes=5 * 2 ** (versuch - 1))
        aufgabe.using(run_after=timezone.now() + warten).enqueue(*args, versuch + 1)
        return True
    return False


def team_notify(anfrage: Anfrage) -> None:
    """Tell the advice team that a request arrived: number and link only, no personal data."""
    empfaenger = list(get_user_model().objects.filter(BERATUNG_TEAM).exclude(email="").values_list("email", flat=True))
    if empfaenger:
        with translation.override(settings.LANGUAGE_CODE):
            _mail(
                betreff_template="anfragen/mail/team_betreff.txt",
                text_template="anfragen/mail/team.txt",
                context={"anfrage": anfrage, "admin_url": admin_link(anfrage.pk)},
                an=empfaenger,
            )
    anfrage.team_benachrichtigt_am = timezone.now()
    anfrage.save(update_fields=["team_benachrichtigt_am"])


def bestaetigung_send(anfrage: Anfrage) -> None:
    """Confirm to the advice seeker, in their language, with the reference number and status link."""
    if anfrage.email:
        with translation.override(sprache_of(anfrage)):
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


def antwort_message(antwort: Antwort) -> EmailMessage:
    """The answer as the advice seeker gets it: in their language, the reference number in the subject,
    from the council's address (DEFAULT_FROM_EMAIL), the team's text and a short footer. Plain text only."""
    anfrage = antwort.anfrage
    with translation.override(sprache_of(anfrage)):
        context = {"anfrage": anfrage, "antwort": antwort, "status_url": settings.SITE_URL + anfrage.get_status_url()}
        betreff = render_to_string("anfragen/mail/antwort_betreff.txt", context).strip().replace("\n", " ")
        return EmailMessage(
            betreff,
            render_to_string("anfragen/mail/antwort.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [anfrage.email],
        )


@task
def antwort_mail(antwort_id: int, versuch: int = 1) -> None:
    """Mail one answer to the advice seeker, once.

    The answer's row is locked while it is sent, so two attempts at once (a
    retry and send_reminders, say) never mail it twice: the other one skips it.
    It counts as sent only once the mail server took it; until then the admin
    shows "wird gesendet" and a failure is tried again with a growing pause.
    """
    with transaction.atomic():
        antwort = (
            Antwort.objects.pending()
            .filter(pk=antwort_id)
            .select_related("anfrage")
            .select_for_update(skip_locked=True, of=("self",))
            .first()
        )
        if antwort is None:
            return  # sent meanwhile, being sent right now, or deleted with its request
        if not antwort.anfrage.email:
            logger.warning("Answer %s not sent: its request was anonymised meanwhile", antwort_id)
            return
        antwort.versuche += 1
        try:
            antwort_message(antwort).send()
        except Exception as error:
            # The error's text may hold the address: the log gets the answer's number only.
            logger.warning(
                "Mail of answer %s failed (%s; attempt %s of %s)",
                antwort_id,
                type(error).__name__,
                versuch,
                MAX_VERSUCHE,
            )
        else:
            antwort.gesendet_am = timezone.now()
        antwort.save(update_fields=["versuche", "gesendet_am"])
    if antwort.gesendet_am is None and not _retry_later(antwort_mail, versuch, antwort_id):
        logger.error("Giving up on answer %s for now; send_reminders queues it again.", antwort_id)


@dataclass
class Eintrag:
    """One line of a reminder: nothing that names the person or what they asked."""

    referenz: str
    url: str
    ueberfaellig: bool


def erinnerung_lists(user) -> tuple[list[Eintrag], list[Eintrag]]:
    """What a Beratung member is reminded of: their overdue requests, and every open one nobody has taken."""
    felder = ("pk", "referenz", "frist_am", "erste_antwort_am", "status")

    def eintraege(anfragen) -> list[Eintrag]:
        return [Eintrag(a.referenz, admin_link(a.pk), a.ueberfaellig) for a in anfragen.only(*felder)]

    return (
        eintraege(Anfrage.objects.overdue().assigned_to(user).order_by("frist_am")),
        eintraege(Anfrage.objects.open().unassigned().order_by("eingegangen_am")),
    )


@task
def erinnerung_send(user_id: int, versuch: int = 1) -> None:
    """The daily reminder to one Beratung member: reference numbers and admin links only, never content.

    Nothing is sent when both lists are empty. Read when sent, so a retry
    after a mail failure lists what is still open then.
    """
    user = get_user_model().objects.filter(BERATUNG_TEAM, pk=user_id).exclude(email="").first()
    if user is None:
        return  # left the team or has no address meanwhile
    ueberfaellig, niemand = erinnerung_lists(user)
    if not ueberfaellig and not niemand:
        return
    try:
        with translation.override(settings.LANGUAGE_CODE):
            _mail(
                betreff_template="anfragen/mail/erinnerung_betreff.txt",
                text_template="anfragen/mail/erinnerung.txt",
                context={"ueberfaellig": ueberfaellig, "niemand": niemand},
                an=[user.email],
            )
    except Exception as error:
        logger.warning("Reminder to user %s failed (%s; attempt %s)", user_id, type(error).__name__, versuch)
        _retry_later(erinnerung_send, versuch, user_id)
