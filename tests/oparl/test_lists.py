"""Lists: pages of at most 100 in a stable order, the date filters, deleted objects, and errors for junk."""

import datetime
from urllib.parse import quote

import pytest
from django.utils import timezone

from gremien.models import Sitzung, Vorlage
from oparl.models import Loeschung
from tests.factories import (
    make_dokument,
    make_gremium,
    make_sitzung,
    make_sitzungen,
    make_tagesordnungspunkt,
    make_vorlage,
)
from tests.oparl.conftest import API, assert_error

pytestmark = pytest.mark.django_db

BERLIN = timezone.get_default_timezone()


def at(*args) -> datetime.datetime:
    return datetime.datetime(*args, tzinfo=BERLIN)


def q(moment: datetime.datetime) -> str:
    return quote(moment.isoformat(), safe="")


def ids(data: dict) -> list[int]:
    return [int(obj["id"].rsplit("/", 1)[1]) for obj in data["data"]]


def test_long_lists_come_in_pages_of_100_in_a_stable_order(client, get):
    created = make_sitzungen(230)
    first = get(f"{API}meeting")
    assert first["pagination"] == {"totalElements": 230, "elementsPerPage": 100, "currentPage": 1, "totalPages": 3}
    assert "prev" not in first["links"] and first["links"]["self"] == first["links"]["first"]
    pages, url = [first], first["links"]["next"]
    while url:
        pages.append(get(url))
        url = pages[-1]["links"].get("next")
    assert [len(page["data"]) for page in pages] == [100, 100, 30]
    assert pages[-1]["links"]["self"] == first["links"]["last"]
    assert pages[1]["links"]["prev"] == first["links"]["self"]
    walked = [pk for page in pages for pk in ids(page)]
    assert walked == sorted(created)
    assert ids(get(f"{API}meeting?page=2")) == ids(pages[1])  # the same again: the order does not change
    assert ids(get(f"{API}meeting?page=1")) == ids(first)
    assert_error(client.get(f"{API}meeting?page=4"), 404)


def test_filters_select_by_created_and_modified_and_stay_in_the_links(client, get):
    old, middle, new = make_vorlage(), make_vorlage(), make_vorlage()
    for vorlage, moment in ((old, at(2024, 1, 1, 12)), (middle, at(2024, 6, 1, 12)), (new, at(2025, 1, 1, 12))):
        Vorlage.objects.filter(pk=vorlage.pk).update(
            erstellt_am=moment, geaendert_am=moment + datetime.timedelta(days=1)
        )
    assert ids(get(f"{API}paper?created_since={q(at(2024, 3, 1))}")) == [middle.pk, new.pk]
    assert ids(get(f"{API}paper?created_until={q(at(2024, 6, 1, 12))}")) == [old.pk, middle.pk]  # inclusive
    assert ids(get(f"{API}paper?modified_since={q(at(2024, 6, 2, 12))}")) == [middle.pk, new.pk]
    assert ids(get(f"{API}paper?modified_until={q(at(2024, 1, 2, 12))}")) == [old.pk]
    both = get(f"{API}paper?created_since={q(at(2024, 3, 1))}&created_until={q(at(2024, 12, 31))}&omit_internal=true")
    assert ids(both) == [middle.pk]
    assert "created_since=2024-03-01T00%3A00%3A00%2B01%3A00" in both["links"]["self"]
    assert "omit_internal=true" in both["links"]["first"]
    assert "auxiliaryFile" not in both["data"][0]
    # A "+" sent unencoded arrives as a space: still understood.
    assert ids(get(f"{API}paper?created_since=2024-03-01T00:00:00+01:00")) == [middle.pk, new.pk]
    # Filtered answers are for this client only (see test_page_cache).
    assert "private" in client.get(f"{API}paper?created_since={q(at(2024, 3, 1))}")["Cache-Control"]


def test_deleted_and_withdrawn_objects_appear_only_with_modified_since(client, get):
    since = timezone.now() - datetime.timedelta(minutes=1)
    kept, deleted, withdrawn = make_vorlage(), make_vorlage(), make_vorlage()
    created, deleted_pk = deleted.erstellt_am, deleted.pk
    deleted.delete()
    withdrawn.veroeffentlicht = False
    withdrawn.save()

    assert ids(get(f"{API}paper")) == [kept.pk]
    data = get(f"{API}paper?modified_since={q(since)}")["data"]
    assert [obj.get("deleted", False) for obj in data] == [False, True, True]
    gone = data[1]
    assert set(gone) == {"id", "type", "created", "modified", "deleted"}
    assert gone["id"].endswith(f"/paper/{deleted_pk}") and gone["created"] == timezone.localtime(created).isoformat(
        timespec="seconds"
    )
    assert data[2]["id"].endswith(f"/paper/{withdrawn.pk}")
    later = timezone.now() + datetime.timedelta(minutes=1)
    assert get(f"{API}paper?modified_since={q(later)}")["data"] == []
    # Under its own address a deleted object stays, as deleted (spec 2.8: status 200).
    assert get(f"{API}paper/{deleted_pk}") == gone
    assert get(f"{API}paper/{withdrawn.pk}")["deleted"] is True
    assert_error(client.get(f"{API}paper/999999"), 404)


def test_deleting_an_embedded_object_moves_its_parents_modified(get):
    sitzung = make_sitzung()
    top = make_tagesordnungspunkt(sitzung, vorlage=make_vorlage())
    dokument = make_dokument(sitzung=sitzung, tagesordnungspunkt=top)
    past = at(2024, 1, 1)
    Sitzung.objects.filter(pk=sitzung.pk).update(geaendert_am=past)
    Vorlage.objects.filter(pk=top.vorlage_id).update(geaendert_am=past)
    type(top).objects.filter(pk=top.pk).update(geaendert_am=past)
    type(dokument).objects.filter(pk=dokument.pk).update(geaendert_am=past)
    since = q(at(2025, 1, 1))
    assert get(f"{API}meeting?modified_since={since}")["data"] == []
    top_pk = top.pk
    top.delete()  # and its document with it
    assert ids(get(f"{API}meeting?modified_since={since}")) == [sitzung.pk]
    gone = get(f"{API}agendaitem?modified_since={since}")["data"]
    assert [obj["deleted"] for obj in gone] == [True]
    assert Loeschung.objects.filter(typ="consultation", objekt_id=top_pk, erstellt_am__isnull=False).exists()
    assert get(f"{API}paper?modified_since={since}")["data"][0].get("consultation") is None


@pytest.mark.parametrize(
    "query",
    [
        "created_since=gestern",
        "modified_since=2024-13-01T00:00:00%2B01:00",
        "modified_until=" + "9" * 500,
        "created_until=2024-01-01T25:00:00",
        "created_since=0001-01-01T00:00:00%2B01:00",
        "modified_until=9999-12-31T23:59:59-01:00",
        "page=-1",
        "page=0",
        "page=abc",
        "page=1e3",
        "page=%C2%B2",  # "²" is a digit to Python, not a page number
        "page=" + "9" * 5000,
    ],
)
def test_junk_in_the_query_is_a_400_error_object(client, query):
    assert_error(client.get(f"{API}meeting?{query}"), 400)


@pytest.mark.parametrize(
    "path",
    [
        "meeting?page=2",
        "meeting?page=99999999",
        "meeting/999999",
        "meeting/007",
        "meeting/99999999999999999999999",
        "meeting/abc",
        "organization/999/meeting",
        "gibtsnicht",
        "body/2",
    ],
)
def test_what_does_not_exist_is_a_404_error_object(client, path):
    make_sitzung()
    assert_error(client.get(API + path), 404)


def test_only_reading_is_allowed(client):
    assert_error(client.post(f"{API}meeting"), 405)
    preflight = client.options(f"{API}meeting")
    assert preflight.status_code == 204 and "GET" in preflight["Access-Control-Allow-Methods"]


def test_an_organizations_meetings(get):
    rat, arbeitskreis = make_gremium(), make_gremium(name="Arbeitskreis Bildung")
    mine = make_sitzung(gremium=arbeitskreis)
    make_sitzung(gremium=rat)
    organization = get(f"{API}organization/{arbeitskreis.pk}")
    assert ids(get(organization["meeting"])) == [mine.pk]
    assert get(organization["consultation"])["data"] == []
