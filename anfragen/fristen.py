"""When the first answer to a request is due: working days in Beckum, North Rhine-Westphalia.

Weekends and the public holidays of NRW (from the maintained `holidays` library,
not a hand-kept list: moving feasts such as Easter and Fronleichnam change every
year) are not working days. Everything here works on local dates in Europe/Berlin,
so a request sent at 23:30 on a Friday counts from that Friday, not from
Saturday in UTC.
"""

import calendar
import datetime
import functools

import holidays
from django.conf import settings
from django.utils import timezone

# The state whose public holidays count: Beckum lies in North Rhine-Westphalia.
BUNDESLAND = "NW"


@functools.cache
def _feiertage(jahr: int) -> holidays.HolidayBase:
    return holidays.Germany(subdiv=BUNDESLAND, years=jahr)


def is_working_day(day: datetime.date) -> bool:
    """Monday to Friday and not a public holiday in NRW."""
    return day.weekday() < 5 and day not in _feiertage(day.year)


def add_working_days(start: datetime.date, n: int) -> datetime.date:
    """The `n`-th working day after `start` (`start` itself never counts, whatever day it is)."""
    day = start
    while n > 0:
        day += datetime.timedelta(days=1)
        if is_working_day(day):
            n -= 1
    return day


def add_month(start: datetime.date) -> datetime.date:
    """The same day one calendar month later; the month's last day where it is shorter (31 Jan -> 28/29 Feb)."""
    jahr, monat = (start.year + 1, 1) if start.month == 12 else (start.year, start.month + 1)
    return datetime.date(jahr, monat, min(start.day, calendar.monthrange(jahr, monat)[1]))


def end_of_day(day: datetime.date) -> datetime.datetime:
    """The last moment of `day` in Beckum: a target "by Tuesday" holds all Tuesday long."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.max))


def frist_for(*, barriere: bool, eingegangen_am: datetime.datetime) -> datetime.datetime:
    """When the first answer is due for a request received at `eingegangen_am`.

    Requests: ANTWORT_FRIST_ARBEITSTAGE working days (default 3). Reports of a
    barrier: one calendar month, the period the accessibility rules for public
    bodies give for answering such feedback.
    """
    eingang = timezone.localdate(eingegangen_am)
    if barriere:
        return end_of_day(add_month(eingang))
    return end_of_day(add_working_days(eingang, settings.ANTWORT_FRIST_ARBEITSTAGE))
