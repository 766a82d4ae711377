"""What the OParl API reads: the public rows of each type, what is embedded in them, and when they changed.

Each OParl type is a `Kind`: its public rows (the gremien QuerySet methods, not repeated here), every row
that may once have been public (those no longer public count as deleted for clients, spec 2.8), what is
embedded in it, and how its `modified` is computed.

`modified` must move on with every change a client can see (spec 3.1), so it is computed, not stored:
the latest of the row's own `geaendert_am`; the moments its publishing window, or that of an object it is
visible through, opened or closed (a paper that appears at 8:00 by its window is new to clients at 8:00,
though nobody saved it then); and the `modified` of the objects embedded in it (spec 2.8). When an
embedded object is deleted, oparl.deletions moves its parents' `geaendert_am`.
"""

import datetime
import math
from collections.abc import Callable
from dataclasses import dataclass

from django.db.models import (
    Count,
    DateTimeField,
    Exists,
    F,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Q,
    QuerySet,
    Subquery,
    Value,
)
from django.db.models.expressions import Case, When
from django.db.models.functions import Coalesce, Greatest
from django.utils import timezone

from gremien.models import Dokument, Gremium, Mitgliedschaft, Person, Sitzung, Tagesordnungspunkt, Vorlage, Wahlperiode
from oparl.models import Loeschung
from oparl.query import ListQuery
from veranstaltungen.models import Ort, Veranstaltung

PER_PAGE = 100  # the spec recommends pages for lists longer than 100 (2.5); clients may not choose (`limit`)
EPOCH = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)


class NotFound(LookupError):
    """No such object, or no such page of a list (answered with 404)."""


# --- When something changed ------------------------------------------------------------------------


def latest(*moments):
    """The latest of these timestamps; NULL counts as never (SQLite's MAX() of a NULL is NULL)."""
    moments = [Coalesce(moment, Value(EPOCH), output_field=DateTimeField()) for moment in moments]
    return moments[0] if len(moments) == 1 else Greatest(*moments)


def publication(prefix: str = "") -> list:
    """When the publish state of the row at `prefix` last changed: it was saved, or its window opened or closed."""
    now = timezone.now()
    return [
        F(f"{prefix}geaendert_am"),
        Case(When(**{f"{prefix}veroeffentlichen_ab__lte": now}, then=F(f"{prefix}veroeffentlichen_ab"))),
        Case(When(**{f"{prefix}veroeffentlichen_bis__lte": now}, then=F(f"{prefix}veroeffentlichen_bis"))),
    ]


def newest(rows: QuerySet, fk: str, moment):
    """The latest `moment` of the `rows` pointing at the outer row through `fk`."""
    mine = rows.filter(**{fk: OuterRef("pk")})
    return Subquery(mine.annotate(moment=moment).order_by("-moment").values("moment")[:1])


# --- The types ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Kind:
    """One OParl type: where its rows come from, what it embeds, and how its `modified` is computed."""

    name: str  # as in URLs and oparl.deletions.TRACKED
    public_rows: Callable[[], QuerySet]  # what the public sees, with the joins its serializer reads
    all_rows: Callable[[], QuerySet]  # every row that may once have been public
    changes: Callable[[], list]  # its own moments of change, and those of what it is visible through
    embeds: tuple[tuple[str, str], ...] = ()  # (kind, foreign key to this) of what is embedded or listed in it
    prefetch: Callable[[], list[Prefetch]] = list  # the embedded rows its serializer reads
    scopes: tuple[tuple[str, str], ...] = ()  # (scope, lookup): lists of one organization's objects

    def modified(self):
        embedded = (newest(KINDS[kind].all_rows(), fk, KINDS[kind].modified()) for kind, fk in self.embeds)
        return latest(*self.changes(), *embedded)

    def public(self) -> QuerySet:
        return self.public_rows().annotate(oparl_modified=self.modified()).order_by("pk")

    def gone(self) -> QuerySet:
        """Rows that exist but are not public (any more): deleted, for the API."""
        return (
            self.all_rows()
            .exclude(pk__in=self.public_rows().values("pk"))
            .annotate(oparl_modified=self.modified())
            .order_by("pk")
        )

    def tombstones(self) -> QuerySet:
        # A restored object (inhalte's history) has its row back: then the row tells, not the tombstone.
        return Loeschung.objects.filter(typ=self.name).exclude(objekt_id__in=self.all_rows().values("pk"))


def files():
    # `text` can be long: only the File object itself and the file list carry it.
    return Prefetch("dokumente", queryset=KINDS["file"].public().defer("text"), to_attr="oparl_dokumente")


def agenda_order():
    """The agenda item's position in its meeting from 0 (OParl `order`), the same alone and embedded."""
    earlier = Tagesordnungspunkt.objects.filter(
        Q(reihenfolge__lt=OuterRef("reihenfolge")) | Q(reihenfolge=OuterRef("reihenfolge"), pk__lt=OuterRef("pk")),
        sitzung=OuterRef("sitzung"),
    )
    return Coalesce(Subquery(earlier.order_by().values("sitzung").annotate(n=Count("pk")).values("n")), 0)


def consultations():
    # Only what the paper's page shows: an item discussed in private reveals nothing, not even its paper.
    return Tagesordnungspunkt.objects.consultations().held_in_public()


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in [
        Kind(
            name="organization",
            public_rows=Gremium.objects.published,
            all_rows=Gremium.objects.all,
            changes=publication,
            embeds=(("membership", "gremium"),),
            prefetch=lambda: [
                Prefetch(
                    "mitgliedschaften",
                    queryset=Mitgliedschaft.objects.public().select_related(None).only("pk", "gremium").order_by("pk"),
                    to_attr="oparl_mitgliedschaften",
                )
            ],
        ),
        Kind(
            name="person",
            public_rows=Person.objects.public,
            all_rows=Person.objects.all,
            changes=publication,
            embeds=(("membership", "person"),),
            prefetch=lambda: [
                Prefetch("mitgliedschaften", queryset=KINDS["membership"].public(), to_attr="oparl_mitgliedschaften")
            ],
        ),
        Kind(
            name="membership",
            public_rows=lambda: Mitgliedschaft.objects.public().select_related(None),
            all_rows=Mitgliedschaft.objects.all,
            changes=lambda: [F("geaendert_am"), *publication("person__"), *publication("gremium__")],
        ),
        Kind(
            name="legislativeterm",
            public_rows=Wahlperiode.objects.all,
            all_rows=Wahlperiode.objects.all,
            changes=lambda: [F("geaendert_am")],
        ),
        Kind(
            name="meeting",
            public_rows=lambda: Sitzung.objects.published().select_related("ort", "gremium"),
            all_rows=Sitzung.objects.all,
            changes=lambda: [*publication(), F("ort__geaendert_am")],
            embeds=(("agendaitem", "sitzung"), ("file", "sitzung")),
            prefetch=lambda: [
                Prefetch(
                    "tagesordnungspunkte",
                    queryset=KINDS["agendaitem"].public().order_by("reihenfolge", "pk"),
                    to_attr="oparl_tagesordnung",
                ),
                # The meeting's own files and those of its items, in one query (split by the serializer).
                files(),
            ],
            scopes=(("organization", "gremium"),),
        ),
        Kind(
            name="agendaitem",
            public_rows=lambda: Tagesordnungspunkt.objects.public().annotate(
                oparl_order=agenda_order(), oparl_beratung=Exists(consultations().filter(pk=OuterRef("pk")))
            ),
            all_rows=Tagesordnungspunkt.objects.all,
            changes=lambda: [F("geaendert_am"), *publication("sitzung__"), *publication("vorlage__")],
            embeds=(("file", "tagesordnungspunkt"),),
            prefetch=lambda: [files()],
        ),
        Kind(
            name="consultation",
            public_rows=lambda: consultations().select_related("sitzung__gremium"),
            all_rows=lambda: Tagesordnungspunkt.objects.filter(vorlage__isnull=False),
            changes=lambda: [F("geaendert_am"), *publication("sitzung__"), *publication("vorlage__")],
            scopes=(("organization", "sitzung__gremium"),),
        ),
        Kind(
            name="paper",
            public_rows=lambda: Vorlage.objects.published().select_related("gremium"),
            all_rows=Vorlage.objects.all,
            changes=lambda: [*publication(), *publication("gremium__")],
            embeds=(("consultation", "vorlage"), ("file", "vorlage")),
            prefetch=lambda: [
                Prefetch(
                    "beratungen",
                    queryset=KINDS["consultation"].public().order_by("sitzung__datum", "pk"),
                    to_attr="oparl_beratungen",
                ),
                files(),
            ],
        ),
        Kind(
            name="file",
            public_rows=Dokument.objects.public,
            all_rows=Dokument.objects.all,
            changes=lambda: [
                F("geaendert_am"),
                F("tagesordnungspunkt__geaendert_am"),
                *publication("sitzung__"),
                *publication("vorlage__"),
            ],
        ),
        Kind(
            name="location",
            # The places of published meetings (the event venues are not council data).
            public_rows=lambda: Ort.objects.filter(pk__in=Sitzung.objects.published().values("ort")),
            all_rows=Ort.objects.all,
            # Not the changes of its meetings: the list of them is there for convenience, and following
            # it would cost a scan of every meeting at the place for each meeting listed.
            changes=lambda: [F("geaendert_am")],
            prefetch=lambda: [
                Prefetch(
                    "veranstaltungen",
                    queryset=Veranstaltung.objects.filter(pk__in=Sitzung.objects.published().values("pk"))
                    .only("pk", "ort")
                    .order_by("pk"),
                    to_attr="oparl_sitzungen",
                )
            ],
        ),
    ]
}


# --- Lists and objects ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Gone:
    """A deleted (or withdrawn) object: clients learn only that it is gone (spec 2.8)."""

    pk: int
    created: datetime.datetime | None
    modified: datetime.datetime


@dataclass(frozen=True)
class Page:
    items: list  # model instances and Gone entries, by pk
    number: int
    total: int

    @property
    def count(self) -> int:
        return max(1, math.ceil(self.total / PER_PAGE))


def end_of(moment: datetime.datetime) -> datetime.datetime:
    """The first moment after an `..._until` bound: timestamps are shown to the second, so
    "until 12:00:00" includes 12:00:00.5."""
    return moment + (datetime.timedelta(seconds=1) if not moment.microsecond else datetime.timedelta(microseconds=1))


def filtered(rows: QuerySet, query: ListQuery, created: str, modified: str) -> QuerySet:
    bounds = {
        created: (query.created_since, query.created_until),
        modified: (query.modified_since, query.modified_until),
    }
    for field, (since, until) in bounds.items():
        if since:
            rows = rows.filter(**{f"{field}__gte": since})
        if until:
            rows = rows.filter(**{f"{field}__lt": end_of(until)})
    return rows


def scoped(kind: Kind, rows: QuerySet, scope: tuple[str, int] | None, *, public: bool) -> QuerySet:
    """The rows of one organization (scope ("organization", pk)); its public rows only while it is public."""
    if scope is None:
        return rows
    name, pk = scope
    lookup = dict(kind.scopes)[name]
    if public:
        return rows.filter(**{f"{lookup}__in": KINDS[name].public_rows().filter(pk=pk)})
    return rows.filter(**{lookup: pk})


def offset(number: int, total: int) -> int:
    if number > 1 and (number - 1) * PER_PAGE >= total:
        raise NotFound("page")
    return (number - 1) * PER_PAGE


def list_page(kind: Kind, query: ListQuery, scope: tuple[str, int] | None = None) -> Page:
    """One page of a list, in the order of ids; with `modified_since`, deleted objects too (spec 2.5)."""
    public = scoped(kind, kind.public(), scope, public=True)
    if query.modified_since is None:
        rows = filtered(public, query, "erstellt_am", "oparl_modified")
        total = rows.count()
        start = offset(query.page, total)
        return Page(list(rows.prefetch_related(*kind.prefetch())[start : start + PER_PAGE]), query.page, total)

    # A sync since a moment: what changed, public or not (then: deleted), and what was deleted. Only
    # ids and timestamps are read for the whole list (one query per table, merged here), then the page.
    changed = filtered(
        scoped(kind, kind.all_rows(), scope, public=False).annotate(
            oparl_modified=kind.modified(), oparl_public=Exists(public.filter(pk=OuterRef("pk")))
        ),
        query,
        "erstellt_am",
        "oparl_modified",
    ).values_list("pk", "erstellt_am", "oparl_modified", "oparl_public")
    tombstones = filtered(kind.tombstones(), query, "erstellt_am", "geloescht_am").values_list(
        "objekt_id", "erstellt_am", "geloescht_am"
    )
    entries = sorted([*changed, *((*tombstone, False) for tombstone in tombstones)], key=lambda entry: entry[0])
    start = offset(query.page, len(entries))
    page = entries[start : start + PER_PAGE]
    live = public.prefetch_related(*kind.prefetch()).in_bulk([pk for pk, *_, shown in page if shown])
    items = [live.get(pk) if shown else Gone(pk, created, modified) for pk, created, modified, shown in page]
    # An object withdrawn between the two queries is left out rather than shown half.
    return Page([item for item in items if item is not None], query.page, len(entries))


def scope_exists(scope: tuple[str, int]) -> bool:
    name, pk = scope
    return KINDS[name].public_rows().filter(pk=pk).exists()


def find(kind: Kind, pk: int):
    """The public object, a Gone entry for one deleted or withdrawn, or None for an id never given out."""
    found = kind.public().prefetch_related(*kind.prefetch()).filter(pk=pk).first()
    if found is not None:
        return found
    row = kind.gone().filter(pk=pk).values_list("erstellt_am", "oparl_modified").first()
    if row is not None:
        return Gone(pk, *row)
    tombstone = kind.tombstones().filter(objekt_id=pk).first()
    if tombstone is not None:
        return Gone(pk, tombstone.erstellt_am, tombstone.geloescht_am)
    return None


# --- The body: the city, whose only data here are the Integrationsrat's -----------------------------------


@dataclass(frozen=True)
class BodyFacts:
    legislative_terms: list[Wahlperiode]
    created: datetime.datetime | None
    modified: datetime.datetime | None


def body_matches(facts: BodyFacts, query: ListQuery) -> bool:
    """Whether the one body passes the list's date filters (it is never deleted)."""

    def within(moment, since, until) -> bool:
        if moment is None:
            return not (since or until)
        return (since is None or moment >= since) and (until is None or moment < end_of(until))

    return within(facts.created, query.created_since, query.created_until) and within(
        facts.modified, query.modified_since, query.modified_until
    )


def body_facts() -> BodyFacts:
    """Its legislative terms (embedded), and when it changed: with them (spec 2.8).

    It was created, for the API, when the first of its organizations was entered (the Integrationsrat, by a
    migration): the city itself is not stored.
    """
    terms = list(KINDS["legislativeterm"].public().order_by("beginn", "pk"))
    created = Gremium.objects.aggregate(created=Min("erstellt_am"))["created"]
    deleted = Loeschung.objects.filter(typ="legislativeterm").aggregate(at=Max("geloescht_am"))["at"]
    moments = [moment for moment in (created, deleted, *(t.oparl_modified for t in terms)) if moment]
    return BodyFacts(terms, created, max(moments, default=None))
