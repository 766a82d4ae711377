"""SQL queries per public page stay flat as the content grows: the same with 10 or 5,000 events.

Measured without the page cache (as staff see pages, and everyone right after a
save): the first render after a change ("cold": fragments and facts are made
again) and the next one ("warm": cards and facts come from memory).
"""

import datetime

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from aktuelles.models import Meldung
from integrationsrat.cache import current_version, one_version_per_request
from seiten.models import Abschnitt, Seite
from tests.factories import (
    make_dokument,
    make_gebaerdensprachvideo,
    make_gremium,
    make_meldung,
    make_meldungen,
    make_mitgliedschaft,
    make_ort,
    make_person,
    make_rueckblick,
    make_sitzung,
    make_tagesordnungspunkt,
    make_thema,
    make_themenbereich,
    make_veranstaltung,
    make_vorlage,
)
from veranstaltungen.models import Veranstaltung

pytestmark = pytest.mark.django_db

PAGES = [
    reverse("start"),
    reverse("themen:list"),
    reverse("themen:detail", args=["messthema"]),
    reverse("veranstaltungen:list"),
    reverse("veranstaltungen:list") + "?thema=messthema",
    reverse("veranstaltungen:jahr", args=[2024]),
    reverse("veranstaltungen:detail", args=[2024, "messtermin"]),
    reverse("veranstaltungen:kalender_ics"),
    reverse("themen:rueckblick", args=[2024]),
    reverse("anfragen:formular"),
    reverse("seiten:ueber-uns"),
    reverse("seiten:leichte-sprache"),
    reverse("seiten:gebaerdensprache"),
    reverse("seiten:barriere_melden"),
]
# The council's pages: at most 5 queries even on the first render.
GREMIEN_PAGES = [
    reverse("gremien:mitglieder"),
    reverse("gremien:mitglieder") + "?sprache=tr",
    reverse("gremien:ehemalige"),
    reverse("gremien:sitzungen"),
    reverse("gremien:sitzungen_jahr", args=[2024]),
    reverse("gremien:sitzung", args=[2024, "messsitzung"]),
    reverse("gremien:sitzung_ics", args=[2024, "messsitzung"]),
]
# The news: at most 5 queries on the first render, none once its facts and cards are in memory.
AKTUELLES_PAGES = [
    reverse("aktuelles:list"),
    reverse("aktuelles:list") + "?page=2",
    reverse("aktuelles:detail", args=[2024, "messmeldung"]),
]
# Not a page for people, but it must not grow with the content either.
FEEDS = [reverse("sitemap")]
# The Atom feeds: a few queries on the first render, none once their entries are in memory.
ATOM_FEEDS = [
    reverse("veranstaltungen:feed"),
    reverse("aktuelles:feed"),
    reverse("themen:feed", args=["messthema"]),
]


def add_content(n: int):
    """n topics, events (upcoming and past, with place and topic), sections, request topics."""
    themen = [make_thema() for _ in range(n)]
    ort = make_ort()
    for i in range(n):
        make_veranstaltung(thema=themen[i], ort=ort, tage=i + 1)
        make_veranstaltung(thema=themen[i], ort=ort, datum=datetime.date(2024, 1 + i % 12, 1 + i % 28))
        make_themenbereich()
    seite, _ = Seite.objects.get_or_create(schluessel="ueber-uns", defaults={"titel": "Über uns"})
    Abschnitt.objects.bulk_create(Abschnitt(seite=seite, text=f"Text {i}") for i in range(n))
    leichte_sprache, _ = Seite.objects.get_or_create(schluessel="leichte-sprache", defaults={"titel": "Leicht"})
    Abschnitt.objects.bulk_create(Abschnitt(seite=leichte_sprache, text=f"Satz {i}") for i in range(n))
    make_gebaerdensprachvideo()
    return themen


def add_events(n: int, themen, ort):
    """n published events spread over ten years, half of them upcoming."""
    today = datetime.date.today()
    Veranstaltung.objects.bulk_create(
        Veranstaltung(
            titel_de=f"Massentermin {i}",
            slug=f"massentermin-{i}",
            kurztext_de="Zum Zählen der Abfragen.",
            datum=today + datetime.timedelta(days=(i % 3650) - 1825),
            thema=themen[i % len(themen)],
            ort=ort,
            veroeffentlicht=True,
        )
        for i in range(n)
    )


def add_meldungen(n: int, themen):
    """n published news, one a day back from today, each about one of `themen` (the topic pages show them)."""
    meldungen = make_meldungen(n)
    Meldung.themen.through.objects.bulk_create(
        Meldung.themen.through(meldung_id=m.pk, thema_id=themen[i % len(themen)].pk) for i, m in enumerate(meldungen)
    )


def add_sitzungen(n: int, ort):
    """n published meetings over ten years, half upcoming, each with an agenda item and a document's worth of rows.

    Made in bulk (a Sitzung is two rows: its event and itself), so 5,000 take seconds.
    """
    today = datetime.date.today()
    gremium = make_gremium()
    events = Veranstaltung.objects.bulk_create(
        Veranstaltung(
            titel_de=f"Massensitzung {i}",
            slug=f"massensitzung-{i}",
            kurztext_de="Zum Zählen der Abfragen.",
            datum=today + datetime.timedelta(days=(i % 3650) - 1825),
            art=Veranstaltung.Art.SITZUNG,
            ort=ort,
            veroeffentlicht=True,
        )
        for i in range(n)
    )
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.executemany(
            "INSERT INTO gremien_sitzung (veranstaltung_ptr_id, gremium_id, status, erstellt_am)"
            " VALUES (%s, %s, %s, %s)",
            [(event.pk, gremium.pk, "eingeladen", now) for event in events],
        )
    for i in range(min(n, 50)):
        make_mitgliedschaft(person=make_person(sprachen=["tr", "ar"][: 1 + i % 2]))


def add_sitzung_content():
    """The meeting every count looks at, with agenda, paper and documents, and a member."""
    sitzung = make_sitzung(slug="messsitzung", datum=datetime.date(2024, 11, 14), ort=make_ort())
    vorlage = make_vorlage()
    top = make_tagesordnungspunkt(sitzung, vorlage=vorlage)
    make_tagesordnungspunkt(sitzung, oeffentlich=False)
    make_dokument(sitzung=sitzung, art="einladung")
    make_dokument(sitzung=sitzung, tagesordnungspunkt=top)
    make_dokument(vorlage=vorlage)
    naechste = make_sitzung(tage=3)
    make_tagesordnungspunkt(naechste)
    make_dokument(sitzung=naechste, art="einladung")
    make_mitgliedschaft(person=make_person(sprachen=["tr"]))
    make_mitgliedschaft(person=make_person(), ende=datetime.date(2024, 1, 1))
    return vorlage


def count_queries(client, url):
    with CaptureQueriesContext(connection) as ctx:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(ctx.captured_queries)


def cold_and_warm(client, urls) -> dict[str, tuple[int, int]]:
    counts = {}
    for url in urls:
        caches["fragmente"].clear()
        cache.clear()
        with one_version_per_request():
            current_version()  # the schedule of publishing is looked up once per version, not per page
        counts[url] = (count_queries(client, url), count_queries(client, url))
    return counts


def test_queries_per_page_do_not_grow_with_content(client):
    thema = make_thema(slug="messthema")
    ort = make_ort()
    messtermin = make_veranstaltung(slug="messtermin", thema=thema, datum=datetime.date(2024, 11, 14), ort=ort)
    make_veranstaltung(thema=thema, ort=ort)  # every list has something to show
    themen = add_content(2) + [thema]
    make_rueckblick(jahr=2024, themen=themen, anfragen_zahl_zeigen=True)  # with its count of answered requests
    add_events(10 - 6, themen, ort)  # 10 events in all
    vorlage = add_sitzung_content()
    gremien_pages = [*GREMIEN_PAGES, vorlage.get_absolute_url()]
    add_sitzungen(10 - 2, ort)  # 10 meetings in all
    make_meldung(slug="messmeldung", datum=datetime.date(2024, 11, 15), themen=[thema], veranstaltung=messtermin)
    add_meldungen(25 - 1, themen)  # 25 news in all: two pages
    small = cold_and_warm(client, PAGES + gremien_pages + AKTUELLES_PAGES + FEEDS + ATOM_FEEDS)

    make_rueckblick(jahr=2023, themen=add_content(30))
    add_events(5000, themen, ort)
    add_sitzungen(5000, ort)
    add_meldungen(500, themen)
    large = cold_and_warm(client, PAGES + gremien_pages + AKTUELLES_PAGES + FEEDS + ATOM_FEEDS)

    assert large == small
    assert max(small[url][0] for url in PAGES) <= 7, small
    assert max(small[url][1] for url in PAGES) <= 3, small
    assert max(small[url][0] for url in gremien_pages) <= 5, small
    assert max(small[url][0] for url in AKTUELLES_PAGES) <= 5, small
    assert max(small[url][1] for url in AKTUELLES_PAGES) == 0, small
    assert max(small[url][0] for url in ATOM_FEEDS) <= 4, small
    assert max(small[url][1] for url in ATOM_FEEDS) == 0, small


# The directory of migrant organisations: the list reads its entries with their languages and offers
# (three queries), the filter's choices come from cached facts; an entry's page reads it, its languages,
# offers and topics.
ORGANISATIONEN_PAGES = [
    reverse("organisationen:list"),
    reverse("organisationen:list") + "?sprache=ar&angebot=beratung",
    reverse("organisationen:detail", args=["messverein"]),
]


def test_queries_of_the_directory_do_not_grow_with_its_entries(client):
    from tests.factories import make_organisation

    thema = make_thema(slug="messthema")
    make_organisation(slug="messverein", sprachen=["ar", "de"], angebote=["beratung"], themen=[thema])
    small = cold_and_warm(client, ORGANISATIONEN_PAGES)
    for i in range(60):
        make_organisation(sprachen=["ar", "tr", "uk"][: 1 + i % 3], angebote=["beratung", "sport"], themen=[thema])
    large = cold_and_warm(client, ORGANISATIONEN_PAGES)
    assert large == small
    assert max(cold for cold, _warm in small.values()) <= 5, small
    assert max(warm for _cold, warm in small.values()) <= 4, small


def test_queries_of_a_series_with_registration_do_not_grow_with_its_dates_and_people(client):
    from teilnahmen.services import teilnahme_create
    from veranstaltungen.models import Terminreihe
    from veranstaltungen.services import reihe_apply

    first = make_veranstaltung(slug="messreihe", tage=3, anmeldung=True, plaetze=2, begleitpersonen_max=1)
    reihe = reihe_apply(vorlage=first, rhythmus=Terminreihe.Rhythmus.WOECHENTLICH, intervall=1, bis=None, anzahl=3)
    pages = [
        first.get_absolute_url(),
        first.get_anmelden_url(),
        reverse("teilnahmen:gesendet", kwargs={"jahr": first.datum.year, "slug": first.slug}),
        reverse("veranstaltungen:reihe_ics", kwargs={"reihe": reihe.pk}),
        reverse("veranstaltungen:list"),
    ]
    small = cold_and_warm(client, pages)
    reihe_apply(vorlage=first, rhythmus=Terminreihe.Rhythmus.WOECHENTLICH, intervall=1, bis=None, anzahl=60)
    for i in range(30):
        teilnahme_create(veranstaltung_id=first.pk, name=f"Person {i}", email=f"p{i}@example.org", sprache="de")
    large = cold_and_warm(client, pages)
    assert large == small
    # The places left are counted on every visit (one query), never taken from a cache.
    assert max(cold for cold, _warm in small.values()) <= 7, small
    assert max(warm for _cold, warm in small.values()) <= 4, small
