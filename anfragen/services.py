"""Writes for requests. Views, the admin and commands call these; nothing else saves an Anfrage."""

import logging

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from anfragen.models import Anfrage, Notiz, Protokolleintrag, Referenzzaehler, Themenbereich, Versuchszaehler
from anfragen.tasks import anfrage_notify
from seiten.models import Seite

logger = logging.getLogger(__name__)

REFERENCE_PREFIX = "IR"
ANONYM = "[anonymisiert]"


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
    themenbereich: Themenbereich,
    nachricht: str,
    sprache: str,
    name: str = "",
    email: str = "",
    telefon: str = "",
) -> Anfrage:
    """Store a request, then (after commit) notify the team and the advice seeker.

    The request is committed before any mail is tried: a mail server that is
    down can delay the notification, never lose the request.
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
    anfrage_log(anfrage=anfrage, benutzer=benutzer, aktion=Protokolleintrag.Aktion.ANONYMISIERT)
    return anfrage


@transaction.atomic
def anfragen_purge(*, tage: int) -> int:
    """Delete requests closed more than `tage` days ago, with their notes and log. Returns how many."""
    faellig = Anfrage.objects.due_for_deletion(tage=tage)
    anzahl = faellig.count()
    faellig.delete()
    return anzahl
