"""The alerts' mails, sent by the task worker (`manage.py db_worker`).

A mail server that fails delays the mails, never loses them: a delivery is
marked sent only after the server took it, a failed run tries again with a
growing pause, and `send_alerts` (every 10 minutes) starts a run while any
delivery is pending.
"""

import datetime
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, mailers
from django.db import transaction
from django.tasks import task
from django.template.loader import render_to_string
from django.utils import timezone, translation

from benachrichtigungen.models import Abonnement, Anmeldung, Zustellung
from benachrichtigungen.quellen import quelle_of

logger = logging.getLogger(__name__)

MAX_VERSUCHE = 6  # with the backoff below: retries over about 5 hours, then send_alerts takes over
# Mails per run over one connection to the mail server; a run that leaves more queues the next.
BATCH = 100


def _retry_later(aufgabe, versuch: int, *args) -> None:
    if versuch < MAX_VERSUCHE and aufgabe.get_backend().supports_defer:
        warten = datetime.timedelta(minutes=5 * 2 ** (versuch - 1))
        aufgabe.using(run_after=timezone.now() + warten).enqueue(*args, versuch=versuch + 1)
    else:
        logger.error("Giving up on %s%s for now; send_alerts tries again.", aufgabe.name, args)


def _subject(template: str, context: dict) -> str:
    return render_to_string(template, context).strip().replace("\n", " ")


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def bestaetigung_message(anmeldung: Anmeldung) -> EmailMessage:
    """The confirmation mail, in the language chosen for the alerts."""
    abonnement = Abonnement.objects.of_address(anmeldung.email).first()
    with translation.override(anmeldung.sprache):
        context = {
            "anmeldung": anmeldung,
            "bestaetigen_url": absolute(anmeldung.get_confirm_url()),
            # Already subscribed: the mail says that the new choices replace the old ones only once confirmed.
            "abmelden_url": absolute(abonnement.get_unsubscribe_url()) if abonnement else "",
        }
        return EmailMessage(
            _subject("benachrichtigungen/mail/bestaetigung_betreff.txt", context),
            render_to_string("benachrichtigungen/mail/bestaetigung.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [anmeldung.email],
        )


def refused(error: Exception) -> bool:
    """Whether the mail server refused this one message for good (a wrong address, say), not every message.

    A refused sender or a temporary (4xx) answer concerns all mails: those are tried again later.
    """
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return True
    return (
        isinstance(error, smtplib.SMTPResponseException)
        and not isinstance(error, smtplib.SMTPSenderRefused)
        and error.smtp_code >= 500
    )


@task
def bestaetigung_send(anmeldung_id: int) -> None:
    """Mail the confirmation link of a sign-up (once: a second sign-up soon after reuses it).

    Not retried here: `send_alerts` (every 10 minutes) queues it again while the
    mail is unsent, so there is only ever one attempt under way. Locked while it
    is sent, so that two attempts at once never mail the link twice.
    """
    with transaction.atomic():
        anmeldung = (
            Anmeldung.objects.select_for_update(skip_locked=True)
            .filter(pk=anmeldung_id, mail_gesendet_am__isnull=True)
            .first()
        )
        if anmeldung is None:
            return  # sent meanwhile, being sent, confirmed or purged
        try:
            bestaetigung_message(anmeldung).send()
        except Exception as error:
            # The error's text may hold the address someone typed: the log gets the sign-up's number only.
            if refused(error):
                logger.warning("Mail server refused the address of sign-up %s; the sign-up is deleted", anmeldung_id)
                anmeldung.delete()  # nobody can confirm it, and an address nobody receives mail at is not kept
            else:
                logger.warning(
                    "Confirmation mail %s failed (%s); send_alerts tries again", anmeldung_id, type(error).__name__
                )
            return
        anmeldung.mail_gesendet_am = timezone.now()
        anmeldung.save(update_fields=["mail_gesendet_am"])


def alert_message(zustellung: Zustellung) -> EmailMessage:
    """One alert: the item's title, date, teaser and link, in the subscriber's language, and how to unsubscribe.

    Plain text only: titles and teasers are shown as typed, never as HTML.
    """
    abonnement = zustellung.abonnement
    item = zustellung.ankuendigung.inhalt
    quelle = quelle_of(type(item))
    with translation.override(abonnement.sprache):
        abmelden_url = absolute(abonnement.get_unsubscribe_url())
        # Translated fields read the active language and fall back to German (modeltranslation).
        context = {
            "titel": item.titel,
            "wann": quelle.wann(item),
            "anreisser": quelle.anreisser(item),
            "url": absolute(item.get_absolute_url()),
            "abmelden_url": abmelden_url,
        }
        betreff = str(quelle.betreff) % {"titel": item.titel}
        return EmailMessage(
            betreff.replace("\n", " "),
            render_to_string("benachrichtigungen/mail/benachrichtigung.txt", context),
            settings.DEFAULT_FROM_EMAIL,
            [abonnement.email],
            # RFC 2369 and RFC 8058: mail programs offer an unsubscribe button that posts to the link.
            headers={"List-Unsubscribe": f"<{abmelden_url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"},
        )


def _send_next(connection, versucht: set[int]) -> bool:
    """Send the oldest pending delivery not tried in this run yet; False when none is left.

    Locked while it is sent, so that two runs at once never send the same mail
    (the other run skips it). Marked sent only once the server took it; if the
    process dies in between, the mail may go out twice, never not at all.
    """
    with transaction.atomic():
        zustellung = (
            Zustellung.objects.pending()
            .exclude(pk__in=versucht)
            .select_related("abonnement", "ankuendigung__veranstaltung", "ankuendigung__meldung")
            .select_for_update(skip_locked=True, of=("self",))
            .first()
        )
        if zustellung is None:
            return False
        versucht.add(zustellung.pk)
        if not zustellung.ankuendigung.inhalt.oeffentlich:
            # Taken down before its mail went out (the server was down, say): a link to nothing helps nobody.
            zustellung.delete()
            return True
        try:
            connection.send_messages([alert_message(zustellung)])
        except smtplib.SMTPException as error:
            if not refused(error):
                raise  # the server, not this message: the run stops, nothing is lost
            # This message is the problem, not the server: the others go on, it is tried again next run.
            logger.warning("Mail server refused the alert for subscription %s", zustellung.abonnement_id)
            zustellung.ablehnungen += 1
            zustellung.save(update_fields=["ablehnungen"])
            return True
        zustellung.gesendet_am = timezone.now()
        zustellung.save(update_fields=["gesendet_am"])
        return True


@task
def zustellungen_send(versuch: int = 1) -> None:
    """Send up to BATCH pending alert mails over one connection; a full batch queues the next run."""
    versucht: set[int] = set()
    try:
        with mailers.default as connection:
            while len(versucht) < BATCH:
                if not _send_next(connection, versucht):
                    return
    except Exception as error:
        # The server is down or broke off: everything unsent stays pending. (Its text may name an address.)
        logger.warning("Sending alerts failed (%s; attempt %s of %s)", type(error).__name__, versuch, MAX_VERSUCHE)
        _retry_later(zustellungen_send, versuch)
        return
    zustellungen_send.enqueue()  # more may be waiting
