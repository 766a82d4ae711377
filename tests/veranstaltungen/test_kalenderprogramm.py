"""A series in a real calendar program: every date at its local time across the change to summer time.

The iCal files carry each date of a series as its own event (expanded, not an
RRULE), with TZID=Europe/Berlin and the zone's rules: a calendar in Beckum
shows 17:00 before and after the change, one in UTC shows 16:00 and then 15:00.
"""

import datetime
import zoneinfo

import pytest
from django.urls import reverse
from django.utils import timezone
from icalendar import Calendar

from tests.factories import make_veranstaltung
from tests.kalenderprogramm import khal_import_and_list
from veranstaltungen.models import Terminreihe
from veranstaltungen.services import reihe_apply

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")


def next_change() -> datetime.date:
    """The next day on which Berlin's clocks change (summer or winter time), from today on."""
    tag = timezone.localdate()
    while True:
        tag += datetime.timedelta(days=1)
        mittag = datetime.datetime.combine(tag, datetime.time(12), tzinfo=BERLIN)
        if mittag.utcoffset() != (mittag - datetime.timedelta(days=1)).utcoffset():
            return tag


@pytest.fixture
def tage() -> list[datetime.date]:
    """Four weekly dates, two before and two after the next change of the clocks."""
    first = next_change() - datetime.timedelta(days=14)
    return [first + datetime.timedelta(weeks=n) for n in range(4)]


@pytest.fixture
def reihe(tage):
    first = make_veranstaltung(
        titel="Sprechstunde", slug="sprechstunde", datum=tage[0], beginn=datetime.time(17), ende=datetime.time(18, 30)
    )
    return reihe_apply(
        vorlage=first, rhythmus=Terminreihe.Rhythmus.WOECHENTLICH, intervall=1, bis=None, anzahl=4, heute=tage[0]
    )


def utc_start(tag: datetime.date) -> str:
    return datetime.datetime.combine(tag, datetime.time(17), tzinfo=BERLIN).astimezone(datetime.UTC).strftime("%H:%M")


def series_ics(client, reihe) -> bytes:
    response = client.get(reverse("veranstaltungen:reihe_ics", kwargs={"reihe": reihe.pk}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    return response.content


def span(tage) -> dict:
    return {"von": f"{tage[0]:%Y-%m-%d}", "bis": f"{tage[-1] + datetime.timedelta(days=1):%Y-%m-%d}"}


def test_the_file_names_the_zone_and_has_one_event_per_date(client, reihe, tage):
    calendar = Calendar.from_ical(series_ics(client, reihe))
    events = calendar.walk("VEVENT")
    assert [e.decoded("DTSTART").date() for e in events] == tage
    assert {str(e["DTSTART"].params["TZID"]) for e in events} == {"Europe/Berlin"}
    assert len({str(e["UID"]) for e in events}) == 4
    utc = [e.decoded("DTSTART").astimezone(datetime.UTC).strftime("%H:%M") for e in events]
    assert utc == [utc_start(tag) for tag in tage]
    assert utc[0] == utc[1] != utc[2] == utc[3], "the clocks change between the second and third date"
    assert [tz["TZID"] for tz in calendar.walk("VTIMEZONE")] == ["Europe/Berlin"]


def test_khal_shows_17_00_in_beckum_before_and_after_the_change(client, reihe, tage):
    listed = khal_import_and_list(series_ics(client, reihe), zone="Europe/Berlin", **span(tage))
    assert listed == [(f"{tag:%Y-%m-%d} 17:00", f"{tag:%Y-%m-%d} 18:30", "Sprechstunde") for tag in tage]


def test_khal_in_utc_moves_with_the_change(client, reihe, tage):
    listed = khal_import_and_list(series_ics(client, reihe), zone="UTC", **span(tage))
    assert [start for start, _end, _title in listed] == [f"{tag:%Y-%m-%d} {utc_start(tag)}" for tag in tage]
    assert len({start[-5:] for start, _end, _title in listed}) == 2


def test_the_whole_calendar_feed_carries_each_date(client, reihe, tage):
    ics = client.get(reverse("veranstaltungen:kalender_ics")).content
    listed = khal_import_and_list(ics, zone="Europe/Berlin", **span(tage))
    assert [start for start, _end, _title in listed] == [f"{tag:%Y-%m-%d} 17:00" for tag in tage]
