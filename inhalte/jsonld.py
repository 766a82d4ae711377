"""Structured data (schema.org as JSON-LD) for search engines and link previews: one function per type.

The dicts are built here, never by hand in templates; `{% load strukturdaten %}`
writes them into a `<script type="application/ld+json">` with `<`, `>` and `&`
escaped, so no text of the content can close the script element. A data block
is not executed, so the Content-Security-Policy (script-src 'self' and a nonce)
neither blocks it nor needs a nonce for it, and cached pages stay the same for
everyone.

Only facts the portal holds are stated: no invented address, logo or end time.
Objects are duck-typed (an event, a meeting, a news item), so this module needs
none of the content apps.
"""

import datetime

from django.conf import settings
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import get_language, gettext

from inhalte.images import share_image

SCHEMA = "https://schema.org"
# Schema.org wants a location for an Event, Google too for a rich result. An
# event whose place is still open has none here: saying "to be announced" as a
# Place would be a claim about a place, and no preview beats a wrong one.
EVENT_CANCELLED = f"{SCHEMA}/EventCancelled"
EVENT_SCHEDULED = f"{SCHEMA}/EventScheduled"
OFFLINE = f"{SCHEMA}/OfflineEventAttendanceMode"


def absolute_url(url: str) -> str:
    """`url` as an absolute address under SITE_URL (already absolute ones, e.g. from S3, stay as they are)."""
    if url.startswith(("http://", "https://")):
        return url
    return settings.SITE_URL + url


def content_language(objekt) -> str:
    """The language `objekt`'s texts are shown in: the visitor's, or German where the translation is missing."""
    return get_language() if objekt.ist_uebersetzt() else settings.LANGUAGE_CODE


def _iso(value: datetime.date | datetime.datetime) -> str:
    """ISO 8601: a date as a date, a moment in Europe/Berlin with its offset (e.g. 2024-11-14T18:00:00+01:00)."""
    if isinstance(value, datetime.datetime):
        return timezone.localtime(value).isoformat()
    return value.isoformat()


def council() -> dict:
    """The Integrationsrat as organizer, author or publisher: its name and address on the web."""
    return {
        "@type": "GovernmentOrganization",
        "@id": f"{settings.SITE_URL}/#integrationsrat",
        "name": gettext("Integrationsrat der Stadt Beckum"),
        "url": absolute_url(reverse("start")),
    }


def organisation_data() -> dict:
    """The start page: the council, the city it serves, and how to reach it where that is configured."""
    data = {
        "@context": SCHEMA,
        **council(),
        "description": gettext(
            "Der Integrationsrat der Stadt Beckum vertritt zugewanderte und geflüchtete Menschen. "
            "Themen, Termine und Beratung."
        ),
        "areaServed": {"@type": "City", "name": "Beckum"},
    }
    # The office's contact as the operators configured it (the same shown when the database is down).
    if settings.CONTACT_EMAIL:
        data["email"] = settings.CONTACT_EMAIL
    if settings.CONTACT_PHONE:
        data["telephone"] = settings.CONTACT_PHONE
    return data


def _image(objekt) -> dict:
    bild = share_image(objekt)
    return {"image": [absolute_url(bild["url"])]} if bild else {}


def event_data(veranstaltung) -> dict:
    """An event (also a meeting): when (with the UTC offset; a date alone while the time is open), where, by whom."""
    v = veranstaltung
    data = {
        "@context": SCHEMA,
        "@type": "Event",
        "name": v.titel,
        "description": v.kurztext,
        "url": absolute_url(v.get_absolute_url()),
        "startDate": _iso(v.beginn_dt()),
        "eventStatus": EVENT_CANCELLED if v.abgesagt else EVENT_SCHEDULED,
        "eventAttendanceMode": OFFLINE,
        "organizer": council(),
        "inLanguage": content_language(v),
        **_image(v),
    }
    # Only an end staff entered: the calendar export's assumed two hours are no fact.
    if v.beginn is not None and v.ende is not None:
        data["endDate"] = _iso(v.ende_dt())
    if v.ort is not None:
        data["location"] = {"@type": "Place", "name": v.ort.name}
        if v.ort.adresse:
            data["location"]["address"] = v.ort.adresse
    return data


def meeting_data(sitzung) -> dict:
    """A public meeting of the council or one of its bodies: an event everyone may attend, free of charge."""
    data = event_data(sitzung)
    data["isAccessibleForFree"] = True  # the council's meetings are public (the page says so)
    return data


def news_article_data(meldung) -> dict:
    """A news item: headline, its date (a date: the portal records no time), the council as author and publisher."""
    m = meldung
    url = absolute_url(m.get_absolute_url())
    return {
        "@context": SCHEMA,
        "@type": "NewsArticle",
        "headline": m.titel,
        "description": m.anreisser,
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "datePublished": _iso(m.datum),
        "dateModified": _iso(m.geaendert_am),
        "author": council(),
        "publisher": council(),
        "inLanguage": content_language(m),
        **_image(m),
    }
