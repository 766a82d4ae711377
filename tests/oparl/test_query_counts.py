"""Every list page takes at most 5 SQL queries, the same with 10 meetings as with 5,000 (no query per object)."""

import datetime

import pytest
from django.core.cache import cache, caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from gremien.models import Dokument, Mitgliedschaft, Person, Tagesordnungspunkt, Vorlage
from integrationsrat.cache import current_version, one_version_per_request
from tests.factories import (
    make_dokument,
    make_gremium,
    make_mitgliedschaft,
    make_ort,
    make_person,
    make_sitzung,
    make_sitzungen,
    make_tagesordnungspunkt,
    make_vorlage,
    make_wahlperiode,
    translation_defaults,
)
from tests.oparl.conftest import API

pytestmark = pytest.mark.django_db

LISTS = [
    "body",
    "organization",
    "person",
    "membership",
    "legislativeterm",
    "meeting",
    "agendaitem",
    "consultation",
    "paper",
    "file",
    "location",
]
TAG = datetime.date(2024, 1, 1)
SINCE = "modified_since=2000-01-01T00%3A00%3A00%2B01%3A00"


def first_objects():
    """What page 1 of every list shows in both measurements: objects with everything embedded that can be."""
    rat = make_gremium()
    make_wahlperiode()
    for _ in range(3):
        make_mitgliedschaft(person=make_person(kontakt_email="a@example.org"), gremium=rat)
    sitzung = make_sitzung(ort=make_ort(), gremium=rat)
    vorlage = make_vorlage(gremium=rat)
    top = make_tagesordnungspunkt(sitzung, vorlage=vorlage)
    make_tagesordnungspunkt(sitzung, oeffentlich=False)
    make_dokument(sitzung=sitzung, art="einladung")
    make_dokument(sitzung=sitzung, art="niederschrift")
    make_dokument(sitzung=sitzung, tagesordnungspunkt=top)
    make_dokument(vorlage=vorlage)
    return rat, sitzung


def add_council(n: int, rat, ort):
    """n meetings; up to 250 of them with an agenda item discussing a paper and a document; as many members.

    250 fill more than two pages of every list, as 5,000 would (and take a fraction of the time to make).
    """
    ids = make_sitzungen(n, gremium=rat, ort=ort)[:250]
    n = len(ids)
    start = Vorlage.objects.count()
    leer = translation_defaults(Vorlage)
    vorlagen = Vorlage.objects.bulk_create(
        Vorlage(
            **leer | {"aktenzeichen": f"M/{start + i}", "titel_de": "Antrag", "datum": TAG, "veroeffentlicht": True}
        )
        for i in range(n)
    )
    leer = translation_defaults(Tagesordnungspunkt)
    tops = Tagesordnungspunkt.objects.bulk_create(
        Tagesordnungspunkt(**leer | {"sitzung_id": pk, "nummer": "1", "titel_de": "Punkt", "vorlage": vorlage})
        for pk, vorlage in zip(ids, vorlagen, strict=True)
    )
    Dokument.objects.bulk_create(
        Dokument(name="Anlage", datei="dokumente/2024/anlage.pdf", sitzung_id=top.sitzung_id, tagesordnungspunkt=top)
        for top in tops
    )
    personen = Person.objects.bulk_create(
        Person(vorname="Massen", nachname=f"Mitglied {i}", veroeffentlicht=True) for i in range(n)
    )
    Mitgliedschaft.objects.bulk_create(Mitgliedschaft(person=person, gremium=rat) for person in personen)


def counts(client, urls) -> dict[str, int]:
    result = {}
    for url in urls:
        caches["fragmente"].clear()
        cache.clear()
        with one_version_per_request():
            current_version()  # the publishing schedule is read once per content version, not per page
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(url)
        assert response.status_code == 200, url
        result[url] = len(ctx.captured_queries)
    return result


def test_list_pages_take_at_most_five_queries_however_much_there_is(client):
    rat, sitzung = first_objects()
    ort = make_ort()
    urls = [f"{API}{name}" for name in LISTS]
    urls += [f"{API}organization/{rat.pk}/meeting", f"{API}organization/{rat.pk}/consultation"]
    urls += [f"{url}?{SINCE}" for url in urls] + [f"{API}meeting?omit_internal=true", API, f"{API}meeting/{sitzung.pk}"]

    add_council(10 - 1, rat, ort)
    small = counts(client, urls)
    add_council(5000, rat, ort)
    large = counts(client, urls)

    assert large == small
    assert max(small.values()) <= 5, small
