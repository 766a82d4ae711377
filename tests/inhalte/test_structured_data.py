"""What pages tell search engines and link previews: JSON-LD, Open Graph, the canonical address."""

import datetime
import json
import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

from tests.factories import make_image_upload, make_meldung, make_ort, make_sitzung, make_thema, make_veranstaltung
from tests.integrationsrat.test_i18n import PAGES
from tests.integrationsrat.test_i18n import content as i18n_content  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db

OFFSET = r"[+-]\d\d:\d\d$"


class Head(HTMLParser):
    """The <script type="application/ld+json"> data, <meta> and <link> of a page."""

    def __init__(self, html: str):
        super().__init__()
        self.jsonld, self.meta, self.links, self.scripts = [], {}, [], 0
        self._in_jsonld = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script":
            self.scripts += 1
            self._in_jsonld = attrs.get("type") == "application/ld+json"
        elif tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs["content"]
        elif tag == "link":
            self.links.append(attrs)

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_jsonld = False

    def handle_data(self, data):
        if self._in_jsonld:
            self.jsonld.append(json.loads(data))

    def canonical(self) -> list[str]:
        return [link["href"] for link in self.links if link.get("rel") == "canonical"]


def head(client, url: str, status: int = 200) -> Head:
    response = client.get(url)
    assert response.status_code == status, url
    return Head(response.content.decode())


def url_in(lang: str, name: str, *args) -> str:
    with translation.override(lang):
        return reverse(name, args=args)


# --- JSON-LD ---------------------------------------------------------------------------------


def test_event_page_has_an_event_with_time_offset_place_status_and_organizer(client):
    ort = make_ort(name="Stadthalle", adresse="Musterstraße 1, 59269 Beckum")
    event = make_veranstaltung(
        titel="Sommerfest",
        kurztext="Musik und Essen.",
        datum=datetime.date(2031, 7, 5),
        beginn=datetime.time(15, 0),
        ende=datetime.time(19, 30),
        ort=ort,
    )
    (data,) = head(client, event.get_absolute_url()).jsonld
    assert data["@context"] == "https://schema.org" and data["@type"] == "Event"
    assert data["name"] == "Sommerfest" and data["description"] == "Musik und Essen."
    assert data["startDate"] == "2031-07-05T15:00:00+02:00"  # Europe/Berlin in summer
    assert data["endDate"] == "2031-07-05T19:30:00+02:00"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["location"] == {"@type": "Place", "name": "Stadthalle", "address": "Musterstraße 1, 59269 Beckum"}
    assert data["organizer"]["@type"] == "GovernmentOrganization"
    assert data["organizer"]["name"] == "Integrationsrat der Stadt Beckum"
    assert data["organizer"]["url"] == settings.SITE_URL + "/"
    assert data["url"] == settings.SITE_URL + event.get_absolute_url()
    assert data["inLanguage"] == "de"
    assert "image" not in data


def test_cancelled_event_without_time_or_place_says_what_is_known(client):
    event = make_veranstaltung(datum=datetime.date(2031, 1, 10), beginn=None, abgesagt=True)
    (data,) = head(client, event.get_absolute_url()).jsonld
    assert data["eventStatus"] == "https://schema.org/EventCancelled"
    assert data["startDate"] == "2031-01-10"  # a date alone while the time is open
    assert "endDate" not in data  # no invented end
    assert "location" not in data  # no invented place (see inhalte/jsonld.py)


def test_event_times_carry_their_offset_in_winter_too(client):
    event = make_veranstaltung(datum=datetime.date(2031, 1, 10), beginn=datetime.time(18, 0))
    (data,) = head(client, event.get_absolute_url()).jsonld
    assert data["startDate"] == "2031-01-10T18:00:00+01:00" and re.search(OFFSET, data["startDate"])
    assert "endDate" not in data  # staff gave no end


def test_event_in_another_language_names_the_language_its_text_is_in(client):
    translated = make_veranstaltung(titel="Sommerfest", titel_tr="Yaz Şenliği", kurztext_tr="Herkes davetli.")
    german_only = make_veranstaltung(titel="Erzählcafé")
    with translation.override("tr"):
        urls = translated.get_absolute_url(), german_only.get_absolute_url()
    (data,) = head(client, urls[0]).jsonld
    assert (data["name"], data["inLanguage"], data["url"]) == ("Yaz Şenliği", "tr", settings.SITE_URL + urls[0])
    assert data["organizer"]["url"] == settings.SITE_URL + "/tr/"
    assert head(client, urls[1]).jsonld[0]["inLanguage"] == "de"


def test_a_title_cannot_break_out_of_the_script_element(client):
    evil = "</script><script>alert(1)</script><!--"
    event = make_veranstaltung(titel=evil, kurztext="A & B <i>")
    html = client.get(event.get_absolute_url()).content.decode()
    assert "<script>alert(1)" not in html and "<!--" not in html.split("</head>")[0]
    page = Head(html)
    assert page.scripts == 1  # the JSON-LD is the page's only script element
    assert page.jsonld[0]["name"] == evil and page.jsonld[0]["description"] == "A & B <i>"
    assert "\\u003C/script\\u003E" in html


def test_meeting_page_has_an_event_open_to_everyone(client):
    sitzung = make_sitzung(titel="Sitzung des Integrationsrats", datum=datetime.date(2031, 3, 4))
    (data,) = head(client, sitzung.get_absolute_url()).jsonld
    assert data["@type"] == "Event" and data["name"] == "Sitzung des Integrationsrats"
    assert data["startDate"].startswith("2031-03-04") and data["isAccessibleForFree"] is True
    assert data["organizer"]["@type"] == "GovernmentOrganization"
    assert data["url"] == settings.SITE_URL + sitzung.get_absolute_url()


def test_cancelled_meeting_is_marked_cancelled(client):
    sitzung = make_sitzung(status="abgesagt")
    assert head(client, sitzung.get_absolute_url()).jsonld[0]["eventStatus"] == "https://schema.org/EventCancelled"


def test_news_page_has_a_news_article(client):
    meldung = make_meldung(titel="Neue Beratungszeiten", anreisser="Ab März auch samstags.")
    (data,) = head(client, meldung.get_absolute_url()).jsonld
    url = settings.SITE_URL + meldung.get_absolute_url()
    assert data["@type"] == "NewsArticle" and data["headline"] == "Neue Beratungszeiten"
    assert data["description"] == "Ab März auch samstags."
    assert data["datePublished"] == meldung.datum.isoformat()
    assert datetime.datetime.fromisoformat(data["dateModified"]).tzinfo is not None
    assert data["author"]["@type"] == data["publisher"]["@type"] == "GovernmentOrganization"
    assert data["mainEntityOfPage"] == {"@type": "WebPage", "@id": url} and data["url"] == url
    assert data["inLanguage"] == "de"


def test_start_page_describes_the_council_without_invented_facts(client, settings):
    settings.CONTACT_EMAIL = ""
    (data,) = head(client, "/").jsonld
    assert data["@type"] == "GovernmentOrganization" and data["name"] == "Integrationsrat der Stadt Beckum"
    assert data["url"] == settings.SITE_URL + "/"
    assert data["areaServed"] == {"@type": "City", "name": "Beckum"}
    assert data["description"]
    assert not {"address", "logo", "email", "telephone"} & set(data)
    settings.CONTACT_EMAIL = "integrationsrat@example.org"
    assert head(client, "/en/").jsonld[0]["email"] == "integrationsrat@example.org"


# --- Open Graph ------------------------------------------------------------------------------


def test_event_page_with_image_has_a_large_preview(client):
    event = make_veranstaltung(
        titel="Sommerfest",
        kurztext="Musik und Essen.",
        bild=make_image_upload(size=(1600, 900)),
        bild_alt="Menschen tanzen",
    )
    page = head(client, event.get_absolute_url())
    assert page.meta["og:title"] == "Sommerfest"
    assert page.meta["og:description"] == "Musik und Essen."
    assert page.meta["og:type"] == "website"
    assert page.meta["og:url"] == settings.SITE_URL + event.get_absolute_url()
    assert page.meta["og:site_name"] == "Integrationsrat der Stadt Beckum"
    assert page.meta["og:locale"] == "de_DE"
    assert page.meta["twitter:card"] == "summary_large_image"
    # A JPEG rendition of at least 1200 px, never the original upload.
    rendition = re.escape(settings.SITE_URL) + r"/media/bilder/\d{4}/bild[^/]*-1440\.jpg"
    assert re.fullmatch(rendition, page.meta["og:image"])
    assert (page.meta["og:image:width"], page.meta["og:image:height"]) == ("1440", "810")
    assert page.meta["og:image:alt"] == "Menschen tanzen"
    assert page.jsonld[0]["image"] == [page.meta["og:image"]]


def test_news_page_is_an_article_and_pages_without_image_have_a_small_preview(client):
    meldung = make_meldung(titel="Neue Beratungszeiten", anreisser="Ab März auch samstags.")
    with translation.override("tr"):
        url = meldung.get_absolute_url()
    page = head(client, url)
    assert page.meta["og:type"] == "article" and page.meta["og:title"] == "Neue Beratungszeiten"
    assert page.meta["og:description"] == "Ab März auch samstags."
    assert page.meta["og:locale"] == "tr_TR" and page.meta["og:url"] == settings.SITE_URL + url
    assert page.meta["twitter:card"] == "summary" and "og:image" not in page.meta


def test_start_page_preview_names_the_council(client):
    page = head(client, "/ar/")
    assert page.meta["og:title"] == page.meta["og:site_name"]
    assert page.meta["og:locale"] == "ar_AR"


# --- Canonical address -----------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["de", "tr"])
def test_every_page_has_one_canonical_address_and_error_pages_none(client, i18n_content, lang):  # noqa: F811
    for name, args, status in PAGES:
        url = url_in(lang, name, *args)
        page = head(client, url, status)
        if status == 200:
            assert page.canonical() == [settings.SITE_URL + url], url
            assert page.meta["og:url"] == settings.SITE_URL + url
        else:
            assert page.canonical() == [] and "og:url" not in page.meta, url
    assert head(client, "/gibt-es-nicht/", 404).canonical() == []


def test_canonical_address_keeps_only_the_query_the_page_reads(client):
    thema = make_thema(slug="fest")
    for tag in range(25):
        make_veranstaltung(tage=tag + 1, thema=thema)
    base = settings.SITE_URL + "/veranstaltungen/"
    assert head(client, "/veranstaltungen/?utm_source=zeitung&fbclid=1").canonical() == [base]
    assert head(client, "/veranstaltungen/?page=2&thema=fest&utm_source=x").canonical() == [base + "?thema=fest&page=2"]
    # After a redirect from a topic that does not exist: the notice is not part of the address.
    assert head(client, "/veranstaltungen/?hinweis=thema").canonical() == [base]
