"""Writes for requests. Views call these; they never save an Anfrage directly."""

from django.db import transaction
from django.db.models import F
from django.utils import timezone

from anfragen.models import Anfrage, Referenzzaehler, Themenbereich

REFERENCE_PREFIX = "IR"


def format_referenz(*, jahr: int, nummer: int) -> str:
    return f"{REFERENCE_PREFIX}-{jahr}-{nummer:04d}"


def referenz_next(*, jahr: int) -> int:
    """Reserve the next number of `jahr`. Must run inside the caller's transaction.

    The UPDATE takes the row lock first and holds it until commit, so
    concurrent requests queue here instead of reading the same value.
    """
    Referenzzaehler.objects.get_or_create(jahr=jahr)
    Referenzzaehler.objects.filter(jahr=jahr).update(letzte_nummer=F("letzte_nummer") + 1)
    return Referenzzaehler.objects.values_list("letzte_nummer", flat=True).get(jahr=jahr)


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
    now = timezone.now()
    jahr = timezone.localdate(now).year
    nummer = referenz_next(jahr=jahr)
    return Anfrage.objects.create(
        referenz=format_referenz(jahr=jahr, nummer=nummer),
        jahr=jahr,
        laufende_nummer=nummer,
        name=name,
        email=email,
        telefon=telefon,
        themenbereich=themenbereich,
        nachricht=nachricht,
        sprache=sprache,
        # The form refuses to submit without consent, so consent is the moment of submission.
        einwilligung_am=now,
    )
