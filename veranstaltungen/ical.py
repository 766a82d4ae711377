"""iCalendar (RFC 5545) export, so residents can put events into their phone's calendar."""

from collections.abc import Iterable

from django.conf import settings
from icalendar import Calendar, Event

from inhalte.richtext import plain_text
from veranstaltungen.models import Veranstaltung


def build_calendar(veranstaltungen: Iterable[Veranstaltung], *, request, name: str) -> bytes:
    calendar = Calendar.new(
        prodid=f"-//{settings.SITE_NAME}//Veranstaltungen//DE",
        name=name,
        language="de",
    )
    for v in veranstaltungen:
        location = ", ".join(part for part in (v.ort.name, v.ort.adresse) if part) if v.ort else None
        event = Event.new(
            # Stable whatever host name the visitor used, so a calendar that
            # imports the event twice updates it instead of duplicating it.
            uid=f"integrationsrat-beckum-veranstaltung-{v.pk}",
            summary=v.titel,
            description=v.kurztext
            + ("\n\n" + plain_text(v.beschreibung, link_base=settings.SITE_URL) if v.beschreibung else ""),
            start=v.beginn_dt(),
            end=v.ende_dt(),
            location=location,
            url=request.build_absolute_uri(v.get_absolute_url()),
            last_modified=v.geaendert_am,
            status="CANCELLED" if v.abgesagt else "CONFIRMED",
        )
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()
