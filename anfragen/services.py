"""Writes for requests. Views, the admin and commands call these; nothing else saves an Anfrage."""

import datetime
import logging

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from anfragen.fristen import frist_for
from anfragen.models import (
    Anfrage,
    Antwort,
    Notiz,
    Protokolleintrag,
    Referenzzaehler,
    Themenbereich,
    Versuchszaehler,
)
from anfragen.tasks import anfrage_notify, antwort_mail
from seiten.models import Seite

logger = logging.getLogger(__name__)

REFERENCE_PREFIX = "IR"
ANONYM = "[anonymisiert]"
# The gap the Textbausteine leave for staff to fill ("[Bitte ergänzen: Stelle]"): never mailed unfilled.
PLATZHALTER = "[Bitte ergänzen"


def referenz_format(*, jahr: int, nummer: int) -> str:
    return f"{REFERENCE_PREFIX}-{jahr}-{nummer:04d}"


def referenz_next(*, jahr: int) -> int:
    """Reserve the next number of `jahr`. Must run inside the caller's transaction.

    The UPDATE takes the row lock first and holds it until commit, so
    concurrent requests queue here instead of reading the same value.
    """
    Referenzzaehler.objects.get_or_create(jahr=jahr)
    Referenzzaehler.objects.filter(jahr=jahr).update(letzte_nummer=F("letzte_nummer") + 1)
    return Referenzzaehler.objects.values_list("letzte_nummer", flat=True).get(jahr=jahr)


def versuch_count(*, schluessel: str) -> int:
    """Count one attempt of `schluessel` in the current hour; return the hour's count including it."""
    stunde = timezone.now().replace(minute=0, second=0, microsecond=0)
    Versuchszaehler.objects.filter(stunde__lt=stunde).delete()  # past hours are of no use: nothing is kept
    with transaction.atomic():
        Versuchszaehler.objects.get_or_create(schluessel=schluessel, stunde=stunde)
        # The UPDATE holds the row lock until commit: concurrent attempts queue, none is lost.
        Versuchszaehler.objects.filter(schluessel=schluessel, stunde=stunde).update(anzahl=F("anzahl") + 1)
        return Versuchszaehler.objects.values_list("anzahl", flat=True).get(schluessel=schluessel, stunde=stunde)


@transaction.atomic
def anfrage_create(
    *,
    nachricht: str,
    sprache: str,
    themenbereich: Themenbereich | None = None,
    name: str = "",
    email: str = "",
    telefon: str = "",
    art: str = Anfrage.Art.ANFRAGE,
    seite_url: str = "",
) -> Anfrage:
    """Store a request (or, with `art=Anfrage.Art.BARRIERE`, a report of a barrier on
    the page `seite_url`), then (after commit) notify the team and the advice seeker.

    A request needs a topic and a contact; a barrier report neither (the database
    checks both). The first-answer target is fixed now (anfragen.fristen). The
    request is committed before any mail is tried: a mail server that is down can
    delay the notification, never lose the request.
    """
    now = timezone.now()
    jahr = timezone.localdate(now).year
    nummer = referenz_next(jahr=jahr)
    anfrage = Anfrage.objects.create(
        referenz=referenz_format(jahr=jahr, nummer=nummer),
        jahr=jahr,
        laufende_nummer=nummer,
        name=name,
        email=email,
        telefon=telefon,
        themenbereich=themenbereich,
        nachricht=nachricht,
        sprache=sprache,
        art=art,
        seite_url=seite_url[:500],
        frist_am=frist_for(barriere=art == Anfrage.Art.BARRIERE, eingegangen_am=now),
        # The form refuses to submit without consent, so consent is the moment
        # of submission, given to the privacy notice as it stood then.
        einwilligung_am=now,
        datenschutz_stand=Seite.objects.datenschutz_stand(),
    )
    transaction.on_commit(lambda: anfrage_notify_enqueue(anfrage.pk))
    return anfrage


def anfrage_notify_enqueue(anfrage_id: int) -> None:
    try:
        anfrage_notify.enqueue(anfrage_id)
    except Exception:
        # The request is stored; a broken queue must not turn that into an error page.
        logger.exception("Could not queue the notification for request %s", anfrage_id)


def anfrage_log(*, anfrage: Anfrage, benutzer, aktion: str, details: str = "") -> Protokolleintrag:
    return Protokolleintrag.objects.create(anfrage=anfrage, benutzer=benutzer, aktion=aktion, details=details[:300])


@transaction.atomic
def notiz_create(*, anfrage: Anfrage, autor, text: str) -> Notiz:
    notiz = Notiz.objects.create(anfrage=anfrage, autor=autor, text=text)
    anfrage_log(anfrage=anfrage, benutzer=autor, aktion=Protokolleintrag.Aktion.NOTIZ)
    return notiz


@transaction.atomic
def anfrage_anonymize(*, anfrage: Anfrage, benutzer) -> Anfrage:
    """Remove everything that identifies the person; keep number, topic and dates for statistics."""
    anfrage.name = ""
    anfrage.email = ""
    anfrage.telefon = ""
    anfrage.nachricht = ANONYM
    anfrage.anonymisiert_am = timezone.now()
    anfrage.save()
    anfrage.notizen.all().delete()
    # What was written to the person goes too; who answered when stays (the log and the figures need it).
    anfrage.antworten.update(text=ANONYM)
    anfrage_log(anfrage=anfrage, benutzer=benutzer, aktion=Protokolleintrag.Aktion.ANONYMISIERT)
    return anfrage


@transaction.atomic
def anfragen_purge(*, tage: int) -> int:
    """Delete requests closed more than `tage` days ago, with their notes and log. Returns how many."""
    faellig = Anfrage.objects.due_for_deletion(tage=tage)
    anzahl = faellig.count()
    faellig.delete()
    return anzahl


def _answered_meanwhile(anfrage: Anfrage, stand: datetime.datetime) -> None:
    """Refuse when someone answered after `stand`, the moment the writer opened the reply form."""
    neuere = anfrage.antworten.filter(erstellt_am__gt=stand).select_related("verfasst_von").last()
    if neuere is not None:
        autor = neuere.verfasst_von
        wer = (autor.get_full_name() or autor.get_username()) if autor else ""
        raise ValidationError(
            _(
                "%(wer)s hat inzwischen geantwortet (%(art)s, %(wann)s). Ihre Antwort wurde nicht gesendet. "
                "Lesen Sie die Antwort unten; soll Ihre trotzdem hinaus, senden Sie sie noch einmal."
            ),
            code="answered_meanwhile",
            params={
                "wer": wer or _("Jemand"),
                "art": neuere.get_art_display(),
                "wann": date_format(timezone.localtime(neuere.erstellt_am), "DATETIME_FORMAT"),
            },
        )


def _record_answer(*, anfrage: Anfrage, antwort: Antwort, benutzer, aktion: str) -> None:
    """The request is answered: status, first-answer time, responsibility and the log (never the text)."""
    anfrage.status = Anfrage.Status.BEANTWORTET
    if anfrage.erste_antwort_am is None:
        anfrage.erste_antwort_am = antwort.erstellt_am
    details = str(_("Status: beantwortet"))
    if anfrage.zugewiesen_an_id is None and benutzer is not None:
        # Whoever answers an unassigned request takes it on: it leaves the "unassigned" list and reminders.
        anfrage.zugewiesen_an = benutzer
        details += ", " + str(_("zuständig: %(wer)s")) % {"wer": benutzer.get_username()}
    anfrage.save(update_fields=["status", "erste_antwort_am", "zugewiesen_an", "erledigt_am", "geaendert_am"])
    anfrage_log(anfrage=anfrage, benutzer=benutzer, aktion=aktion, details=details)


@transaction.atomic
def antwort_send(
    *,
    anfrage: Anfrage,
    text: str,
    user,
    stand: datetime.datetime,
    trotz_anonymisierung: bool = False,
) -> Antwort:
    """Answer the advice seeker by e-mail: stored now, mailed by the worker after commit.

    The request's row is locked first, so two team members sending at once
    queue here: the second finds the first one's answer (written after its
    `stand`) and is refused, its text kept in its form. Refused too: an empty
    text, a gap of a Textbaustein left unfilled, a request withdrawn by its
    sender (anonymised) unless confirmed, and a request without e-mail address
    (then `telefonat_log`). Every refusal is a ValidationError with a code.
    """
    text = text.strip()
    if not text:
        raise ValidationError(_("Bitte schreiben Sie eine Antwort."), code="empty")
    if PLATZHALTER in text:
        raise ValidationError(
            _("Bitte ersetzen Sie zuerst alle Stellen „[Bitte ergänzen: …]“ im Text."), code="placeholder"
        )
    anfrage = Anfrage.objects.select_for_update().get(pk=anfrage.pk)
    _answered_meanwhile(anfrage, stand)
    if anfrage.anonymisiert_am is not None and not trotz_anonymisierung:
        raise ValidationError(
            _(
                "Die Person hat ihre Anfrage zurückgezogen: Name, Kontaktdaten und Nachricht sind gelöscht. "
                "Es gibt keine Adresse mehr, an die eine Antwort gehen könnte."
            ),
            code="anonymized",
        )
    if not anfrage.email:
        raise ValidationError(
            _("Keine E-Mail-Adresse – bitte rufen Sie an und notieren Sie das Telefonat."), code="no_email"
        )
    antwort = Antwort.objects.create(anfrage=anfrage, art=Antwort.Art.EMAIL, text=text, verfasst_von=user)
    _record_answer(anfrage=anfrage, antwort=antwort, benutzer=user, aktion=Protokolleintrag.Aktion.ANTWORT)
    transaction.on_commit(lambda: antwort_mail_enqueue(antwort.pk))
    return antwort


def antwort_mail_enqueue(antwort_id: int) -> None:
    try:
        antwort_mail.enqueue(antwort_id)
    except Exception:
        # The answer is stored and shows "wird gesendet"; send_reminders queues it again.
        logger.exception("Could not queue the mail of answer %s", antwort_id)


@transaction.atomic
def telefonat_log(*, anfrage: Anfrage, user, stand: datetime.datetime, notiz: str = "") -> Antwort:
    """Note that the advice seeker was answered by phone (with an optional note for the team, never in the log)."""
    anfrage = Anfrage.objects.select_for_update().get(pk=anfrage.pk)
    _answered_meanwhile(anfrage, stand)
    antwort = Antwort.objects.create(
        anfrage=anfrage, art=Antwort.Art.TELEFONAT, text=notiz.strip(), verfasst_von=user, gesendet_am=timezone.now()
    )
    _record_answer(anfrage=anfrage, antwort=antwort, benutzer=user, aktion=Protokolleintrag.Aktion.TELEFONAT)
    return antwort
