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

from integrationsrat.cache import current_version, one_version_per_request
from seiten.models import Abschnitt, Seite
from tests.factories import make_ort, make_rueckblick, make_thema, make_themenbereich, make_veranstaltung
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
]
# Not a page for people, but it must not grow with the content either.
FEEDS = [reverse("sitemap")]


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
    make_veranstaltung(slug="messtermin", thema=thema, datum=datetime.date(2024, 11, 14), ort=ort)
    make_veranstaltung(thema=thema, ort=ort)  # every list has something to show
    themen = add_content(2) + [thema]
    make_rueckblick(jahr=2024, themen=themen)
    add_events(10 - 6, themen, ort)  # 10 events in all
    small = cold_and_warm(client, PAGES + FEEDS)

    make_rueckblick(jahr=2023, themen=add_content(30))
    add_events(5000, themen, ort)
    large = cold_and_warm(client, PAGES + FEEDS)

    assert large == small
    assert max(small[url][0] for url in PAGES) <= 7, small
    assert max(small[url][1] for url in PAGES) <= 3, small
