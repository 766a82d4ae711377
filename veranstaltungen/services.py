"""Series of dates: the events a `Terminreihe`'s rule makes, kept in step with the rule.

Each date is an event of its own. `reihe_apply` makes the dates the rule gives
and removes the ones it no longer gives; `reihe_update_following` carries an
edit of one date over to the later ones. Past dates and dates changed on their
own (moved, given another text: `einzeln_geaendert`) are never touched, and a
date people registered for is cancelled rather than deleted, so they are told.
"""

import datetime

from django.db import transaction
from django.utils import timezone

from veranstaltungen.models import Terminreihe, Veranstaltung

# What each date has for itself; every other field is the series' content and is copied. Cancelling
# is for one date (a cancelled date stays cancelled whatever the series does); the deadline moves with
# the date.
EIGENE_FELDER = {
    "id",
    "slug",
    "datum",
    "reihe",
    "reihe_datum",
    "einzeln_geaendert",
    "abgesagt",
    "anmeldeschluss",
    "erstellt_am",
    "geaendert_am",
}


def _inhalt(vorlage: Veranstaltung, datum: datetime.date) -> dict:
    """`vorlage`'s content for its series' date on `datum`: a deadline the same time before that date."""
    inhalt = {
        field.attname: getattr(vorlage, field.attname)
        for field in Veranstaltung._meta.concrete_fields
        if field.name not in EIGENE_FELDER
    }
    schluss = vorlage.anmeldeschluss
    inhalt["anmeldeschluss"] = None if schluss is None else schluss + (datum - vorlage.datum)
    return inhalt


def termin_slug(reihe: Terminreihe, datum: datetime.date) -> str:
    """The address of a date of `reihe`: the first keeps the series' own, the others get their date
    (and a number if another event of that year has the address already: addresses are unique per year)."""
    slug = reihe.slug if datum == reihe.beginnt_am else f"{reihe.slug}-{datum:%m-%d}"
    vergeben = Veranstaltung.objects.filter(datum__year=datum.year)
    kandidat, n = slug, 1
    while vergeben.filter(slug=kandidat).exists():
        n += 1
        kandidat = f"{slug}-{n}"
    return kandidat


@transaction.atomic
def reihe_apply(
    *,
    vorlage: Veranstaltung,
    rhythmus: str,
    intervall: int,
    bis: datetime.date | None,
    anzahl: int | None,
    heute: datetime.date | None = None,
) -> Terminreihe:
    """Make `vorlage` a date of a series with this rule (or change its series' rule) and bring the dates in line.

    A new series starts at `vorlage`'s date. Dates the rule gives that do not
    exist yet are made as copies of `vorlage` (from today on); upcoming dates it
    no longer gives are deleted, or cancelled if people registered for them.
    Raises ValidationError for a rule without an end or with too many dates.
    """
    heute = heute or timezone.localdate()
    reihe = vorlage.reihe or Terminreihe(beginnt_am=vorlage.datum, slug=vorlage.slug)
    reihe.rhythmus, reihe.intervall, reihe.bis, reihe.anzahl = rhythmus, intervall, bis, anzahl
    reihe.full_clean()
    reihe.save()
    if vorlage.reihe_id is None:
        vorlage.reihe, vorlage.reihe_datum = reihe, vorlage.datum
        vorlage.save(update_fields=["reihe", "reihe_datum"])

    daten = set(reihe.daten())
    vorhanden = {termin.reihe_datum: termin for termin in reihe.termine.all()}
    for datum, termin in vorhanden.items():
        if datum in daten or termin.pk == vorlage.pk or termin.einzeln_geaendert or termin.datum < heute:
            continue
        if termin.teilnahmen.exists():
            # Cancelled for itself: no later change to the series brings it back.
            termin.abgesagt = termin.einzeln_geaendert = True
            termin.save()  # teilnahmen's post_save mails the people registered
        else:
            termin.delete()
    for datum in sorted(daten - vorhanden.keys()):
        if datum >= heute:
            Veranstaltung.objects.create(
                **_inhalt(vorlage, datum), slug=termin_slug(reihe, datum), datum=datum, reihe=reihe, reihe_datum=datum
            )
    return reihe


@transaction.atomic
def reihe_update_following(*, vorlage: Veranstaltung) -> int:
    """Carry `vorlage`'s content (texts, times, place, registration settings) over to its series' later dates.

    Dates changed on their own keep their changes. Returns how many dates changed.
    """
    if vorlage.reihe_id is None:
        return 0
    folgende = Veranstaltung.objects.filter(
        reihe_id=vorlage.reihe_id, reihe_datum__gt=vorlage.reihe_datum, einzeln_geaendert=False
    )
    anzahl = 0
    for termin in folgende:
        for attname, wert in _inhalt(vorlage, termin.datum).items():
            setattr(termin, attname, wert)
        termin.save()  # one by one: the search index, the page cache and teilnahmen hear of each
        anzahl += 1
    return anzahl


@transaction.atomic
def termin_edited(
    *, termin: Veranstaltung, regel: dict | None, regel_geaendert: bool, fuer_folgende: bool, geaendert: bool
) -> None:
    """After staff saved `termin` in the admin: start its series, change or end it (a new `regel`), carry the
    edit over to the later dates (`fuer_folgende`), or mark the date as changed on its own."""
    if termin.reihe_id is None:
        if regel is not None:
            reihe_apply(vorlage=termin, **regel)
        return
    if regel_geaendert:
        reihe_apply(vorlage=termin, **regel)
    if fuer_folgende:
        reihe_update_following(vorlage=termin)
    elif not regel_geaendert and geaendert and not termin.einzeln_geaendert:
        # Edited for itself alone: later edits of the whole series leave it as it is.
        termin.einzeln_geaendert = True
        termin.save(update_fields=["einzeln_geaendert"])
