"""What the site search finds, and when its entries change.

A `Quelle` names one kind of public object: which objects may be public (the
publish flag; the publishing window is copied into each entry and checked when
searching, so an entry appears and disappears with its page), what text it has
in a language, and where its page is. Saving or deleting one of the models in
`TRIGGERS` re-indexes the objects whose entries depend on it, at once
(suche.services.index_update), so the index never needs a nightly rebuild.
"""

import datetime
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from django.apps import apps
from django.db.models import Model, QuerySet
from django.db.models.signals import post_delete, post_save
from django.utils.translation import gettext as _

from inhalte.richtext import plain_text

Window = tuple[datetime.datetime | None, datetime.datetime | None]


@dataclass(frozen=True)
class Inhalt:
    """An object's searchable text in the active language (plain text)."""

    titel: str
    url: str
    zusammenfassung: str = ""
    text: str = ""
    datum: datetime.date | None = None


@dataclass(frozen=True)
class Quelle:
    typ: str
    model: str  # "app_label.Model"
    # The objects that may be public, with what `read` needs loaded.
    candidates: Callable[[QuerySet], QuerySet]
    read: Callable[[Model], Inhalt]
    # The publishing window the object's page follows: its own, or that of the meeting it belongs to.
    window: Callable[[Model], Window] = lambda obj: (obj.veroeffentlichen_ab, obj.veroeffentlichen_bis)
    # Whether it has its own text in `lang` (False: the entry holds the German text, and says so).
    translated: Callable[[Model, str], bool] = lambda obj, lang: obj.ist_uebersetzt(lang)

    @property
    def model_class(self) -> type[Model]:
        return apps.get_model(self.model)

    def queryset(self) -> QuerySet:
        return self.candidates(self.model_class._default_manager.all())


def narrowest(*windows: Window) -> Window:
    """The time in which all of `windows` are open (a document of a meeting and of a paper needs both)."""
    starts = [ab for ab, _bis in windows if ab is not None]
    ends = [bis for _ab, bis in windows if bis is not None]
    return (max(starts) if starts else None, min(ends) if ends else None)


def own_window(obj) -> Window:
    return (obj.veroeffentlichen_ab, obj.veroeffentlichen_bis)


def _text(*parts: str) -> str:
    return "\n".join(part for part in parts if part)


def _thema(thema) -> Inhalt:
    return Inhalt(
        titel=thema.titel,
        url=thema.get_absolute_url(),
        zusammenfassung=thema.kurztext,
        text=_text(plain_text(thema.punkte), plain_text(thema.beschreibung)),
    )


def _termin(veranstaltung) -> Inhalt:
    return Inhalt(
        titel=veranstaltung.titel,
        url=veranstaltung.get_absolute_url(),
        zusammenfassung=veranstaltung.kurztext,
        text=_text(plain_text(veranstaltung.beschreibung), veranstaltung.ort.name if veranstaltung.ort else ""),
        datum=veranstaltung.datum,
    )


def _sitzung(sitzung) -> Inhalt:
    return Inhalt(
        titel=sitzung.titel,
        url=sitzung.get_absolute_url(),
        zusammenfassung=sitzung.kurztext or sitzung.gremium.name,
        text=_text(plain_text(sitzung.beschreibung), sitzung.ort.name if sitzung.ort else ""),
        datum=sitzung.datum,
    )


def _tagesordnungspunkt(top) -> Inhalt:
    return Inhalt(
        titel=f"{_('TOP')} {top.nummer}: {top.titel}",
        url=f"{top.sitzung.get_absolute_url()}#{top.anker}",
        zusammenfassung=top.sitzung.titel,
        text=_text(top.ergebnis, plain_text(top.beschluss)),
        datum=top.sitzung.datum,
    )


def _vorlage(vorlage) -> Inhalt:
    return Inhalt(
        titel=vorlage.titel,
        url=vorlage.get_absolute_url(),
        zusammenfassung=_text(vorlage.get_art_display(), vorlage.aktenzeichen),
        text=plain_text(vorlage.beschreibung),
        datum=vorlage.datum,
    )


def _dokument(dokument) -> Inhalt:
    gehoert_zu = dokument.sitzung.titel if dokument.sitzung_id else dokument.vorlage.titel
    return Inhalt(
        titel=dokument.name,
        url=dokument.get_absolute_url(),
        zusammenfassung=f"{dokument.get_art_display()} – {gehoert_zu}",
        text=dokument.text,
        datum=dokument.datum,
    )


def _dokument_window(dokument) -> Window:
    owners = [dokument.sitzung, dokument.vorlage]
    return narrowest(*(own_window(owner) for owner in owners if owner is not None))


def _meldung(meldung) -> Inhalt:
    return Inhalt(
        titel=meldung.titel,
        url=meldung.get_absolute_url(),
        zusammenfassung=meldung.anreisser,
        text=plain_text(meldung.text),
        datum=meldung.datum,
    )


def _seite(seite) -> Inhalt:
    abschnitte = [_text(a.ueberschrift, plain_text(a.text)) for a in seite.abschnitte.all()]
    return Inhalt(
        titel=seite.titel,
        url=seite.get_absolute_url(),
        zusammenfassung=plain_text(seite.einleitung),
        text=_text(*abschnitte),
    )


def _organisation(organisation) -> Inhalt:
    return Inhalt(
        titel=organisation.name,
        url=organisation.get_absolute_url(),
        zusammenfassung=organisation.kurzbeschreibung,
        text=_text(organisation.treffpunkt, organisation.treffzeiten),
    )


def _organisation_window(organisation) -> Window:
    # Hidden when nobody confirmed it for two years (organisationen.models.verborgen_ab), as its page is.
    return narrowest(own_window(organisation), (None, organisation.verborgen_ab))


SOURCES: dict[str, Quelle] = {
    quelle.typ: quelle
    for quelle in [
        Quelle("thema", "themen.Thema", lambda qs: qs.marked_published(), _thema),
        Quelle(
            "termin",
            "veranstaltungen.Veranstaltung",
            lambda qs: qs.marked_published().without_meetings().series_once().select_related("ort"),
            _termin,
        ),
        Quelle(
            "sitzung",
            "gremien.Sitzung",
            lambda qs: qs.marked_published().select_related("ort", "gremium"),
            _sitzung,
        ),
        Quelle(
            "tagesordnungspunkt",
            "gremien.Tagesordnungspunkt",
            # A non-public item's title is never shown, so never found.
            lambda qs: qs.public(any_time=True).held_in_public().select_related("sitzung"),
            _tagesordnungspunkt,
            window=lambda top: own_window(top.sitzung),
        ),
        Quelle("vorlage", "gremien.Vorlage", lambda qs: qs.marked_published(), _vorlage),
        Quelle(
            "dokument",
            "gremien.Dokument",
            lambda qs: qs.public(any_time=True).select_related("sitzung", "vorlage"),
            _dokument,
            window=_dokument_window,
            # Council documents exist in German only.
            translated=lambda dokument, lang: lang == "de",
        ),
        Quelle("meldung", "aktuelles.Meldung", lambda qs: qs.marked_published(), _meldung),
        Quelle(
            "seite",
            "seiten.Seite",
            lambda qs: qs.marked_published().prefetch_related("abschnitte"),
            _seite,
        ),
        Quelle(
            "organisation",
            "organisationen.Organisation",
            lambda qs: qs.marked_published(),
            _organisation,
            window=_organisation_window,
        ),
    ]
}


# --- What a save changes ---------------------------------------------------------------------------


def _ids(qs) -> list[int]:
    return list(qs.values_list("pk", flat=True))


def _after_meeting(sitzung) -> Iterable[tuple[str, list[int]]]:
    Dokument = apps.get_model("gremien.Dokument")
    Tagesordnungspunkt = apps.get_model("gremien.Tagesordnungspunkt")
    yield "sitzung", [sitzung.pk]
    yield "termin", [sitzung.pk]  # it may have been saved as a plain event before
    yield "tagesordnungspunkt", _ids(Tagesordnungspunkt.objects.filter(sitzung_id=sitzung.pk))
    yield "dokument", _ids(Dokument.objects.filter(sitzung_id=sitzung.pk))


def _after_event(veranstaltung) -> Iterable[tuple[str, list[int]]]:
    yield "termin", [veranstaltung.pk]
    sitzung = apps.get_model("gremien.Sitzung").objects.filter(pk=veranstaltung.pk).first()
    if veranstaltung.ist_sitzung and sitzung is not None:
        yield from _after_meeting(sitzung)


def _after_agenda_item(top) -> Iterable[tuple[str, list[int]]]:
    Dokument = apps.get_model("gremien.Dokument")
    yield "tagesordnungspunkt", [top.pk]
    yield "dokument", _ids(Dokument.objects.filter(tagesordnungspunkt_id=top.pk))


def _after_paper(vorlage) -> Iterable[tuple[str, list[int]]]:
    Dokument = apps.get_model("gremien.Dokument")
    yield "vorlage", [vorlage.pk]
    yield "dokument", _ids(Dokument.objects.filter(vorlage_id=vorlage.pk))


# model label: what to re-index after one of its objects is saved or deleted.
TRIGGERS: dict[str, Callable[[Model], Iterable[tuple[str, list[int]]]]] = {
    "themen.Thema": lambda obj: [("thema", [obj.pk])],
    "veranstaltungen.Veranstaltung": _after_event,
    "gremien.Sitzung": _after_meeting,
    "gremien.Tagesordnungspunkt": _after_agenda_item,
    "gremien.Vorlage": _after_paper,
    "gremien.Dokument": lambda obj: [("dokument", [obj.pk])],
    "aktuelles.Meldung": lambda obj: [("meldung", [obj.pk])],
    "seiten.Seite": lambda obj: [("seite", [obj.pk])],
    "seiten.Abschnitt": lambda obj: [("seite", [obj.seite_id])],
    "organisationen.Organisation": lambda obj: [("organisation", [obj.pk])],
    # Their names are in the entries of the events and meetings at the place, of the body.
    "veranstaltungen.Ort": lambda obj: [
        ("termin", _ids(apps.get_model("veranstaltungen.Veranstaltung").objects.filter(ort_id=obj.pk))),
        ("sitzung", _ids(apps.get_model("gremien.Sitzung").objects.filter(ort_id=obj.pk))),
    ],
    "gremien.Gremium": lambda obj: [
        ("sitzung", _ids(apps.get_model("gremien.Sitzung").objects.filter(gremium_id=obj.pk)))
    ],
}


def _on_save(sender, instance, raw=False, **kwargs):
    if raw:
        return  # loaddata: the rebuild command indexes fixtures
    from suche.services import index_update

    for typ, pks in TRIGGERS[sender._meta.label](instance):
        index_update(typ=typ, pks=pks)


def _on_delete(sender, instance, **kwargs):
    from suche.services import index_update

    for typ, pks in TRIGGERS[sender._meta.label](instance):
        # The deleted object itself is no longer a candidate, so its entries go.
        index_update(typ=typ, pks=pks)


def connect_signals() -> None:
    for label in TRIGGERS:
        model = apps.get_model(label)
        post_save.connect(_on_save, sender=model, dispatch_uid=f"suche:save:{label}")
        post_delete.connect(_on_delete, sender=model, dispatch_uid=f"suche:delete:{label}")
