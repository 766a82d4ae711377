"""The first-answer target: working days in NRW, without weekends and public holidays."""

import datetime
import zoneinfo

import pytest
import time_machine

from anfragen.fristen import add_month, add_working_days, frist_for, is_working_day
from anfragen.models import Anfrage
from tests.factories import make_anfrage

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
D = datetime.date


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (D(2026, 4, 2), True),  # Gründonnerstag is a normal working day
        (D(2026, 4, 3), False),  # Karfreitag
        (D(2026, 4, 6), False),  # Ostermontag
        (D(2026, 6, 4), False),  # Fronleichnam: a holiday in NRW, not in every state
        (D(2026, 11, 1), False),  # Allerheiligen (a Sunday in 2026 anyway)
        (D(2027, 11, 1), False),  # Allerheiligen on a Monday
        (D(2026, 12, 24), True),  # Heiligabend is not a public holiday
        (D(2026, 12, 25), False),
        (D(2026, 12, 5), False),  # a Saturday
        (D(2026, 12, 7), True),  # a Monday
        (D(2026, 11, 18), True),  # Buß- und Bettag: a holiday in Saxony only
    ],
)
def test_working_days_follow_nrw_public_holidays(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        # Thursday before Easter: Good Friday, the weekend and Easter Monday do not count.
        (D(2026, 4, 2), D(2026, 4, 9)),
        # Christmas Eve (Thursday): both Christmas days and the weekend do not count.
        (D(2026, 12, 24), D(2026, 12, 30)),
        # The day before Fronleichnam (Wednesday): Thursday is a holiday in NRW.
        (D(2026, 6, 3), D(2026, 6, 9)),
        # An ordinary Thursday: Friday, Monday, Tuesday.
        (D(2026, 12, 3), D(2026, 12, 8)),
        # Received on a Saturday: Monday is the first working day.
        (D(2026, 12, 5), D(2026, 12, 9)),
        # Over New Year: 31 Dec is a working day, 1 Jan is not.
        (D(2026, 12, 30), D(2027, 1, 5)),
    ],
)
def test_three_working_days_after_receipt(start, expected):
    assert add_working_days(start, 3) == expected


def test_a_barrier_report_gets_a_calendar_month():
    assert add_month(D(2026, 3, 15)) == D(2026, 4, 15)
    assert add_month(D(2026, 1, 31)) == D(2026, 2, 28)
    assert add_month(D(2028, 1, 31)) == D(2028, 2, 29)
    assert add_month(D(2026, 12, 10)) == D(2027, 1, 10)


def test_the_target_is_the_end_of_the_day_in_beckum():
    # Friday 23:30 in Beckum is 22:30 UTC: still Friday, so Monday is the first working day.
    eingang = datetime.datetime(2026, 12, 4, 23, 30, tzinfo=BERLIN)
    frist = frist_for(barriere=False, eingegangen_am=eingang).astimezone(BERLIN)
    assert (frist.date(), frist.hour, frist.minute) == (D(2026, 12, 9), 23, 59)
    barriere = frist_for(barriere=True, eingegangen_am=eingang).astimezone(BERLIN)
    assert barriere.date() == D(2027, 1, 4)


def test_the_number_of_working_days_is_a_setting(settings):
    settings.ANTWORT_FRIST_ARBEITSTAGE = 5
    eingang = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=BERLIN)  # Thursday
    assert frist_for(barriere=False, eingegangen_am=eingang).astimezone(BERLIN).date() == D(2026, 12, 10)


@pytest.mark.django_db
def test_a_request_gets_its_target_when_it_arrives():
    with time_machine.travel(datetime.datetime(2026, 4, 2, 15, 0, tzinfo=BERLIN), tick=False):
        anfrage = make_anfrage()
        barriere = make_anfrage(art=Anfrage.Art.BARRIERE, email="", themenbereich=None, seite_url="/themen/")
    assert timezone_date(anfrage.frist_am) == D(2026, 4, 9)
    assert timezone_date(barriere.frist_am) == D(2026, 5, 2)


def timezone_date(moment: datetime.datetime) -> datetime.date:
    return moment.astimezone(BERLIN).date()
