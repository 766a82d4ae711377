"""The Atom feeds (events, news, each topic) in every language: valid for feed readers, public content only."""

import datetime
import re
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from inhalte.feeds import MAX_ENTRIES
from tests.factories import make_meldung, make_ort, make_sitzung, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def url_in(lang: str, name: str, *args) -> str:
    with translation.override(lang):
        return reverse(name, args=args)


def parse(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 (the portal's own feed, no entities: nothing to defuse)


def get_feed(client, url: str) -> ET.Element:
    response = client.get(url)
    assert response.status_code == 200, url
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = parse(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def parse_time(text: str) -> datetime.datetime:
    moment = datetime.datetime.fromisoformat(text)
    assert moment.tzinfo is not None, text  # RFC 3339: always with an offset
    return moment


def entries(root: ET.Element) -> dict[str, ET.Element]:
    return {entry.findtext(f"{ATOM}title"): entry for entry in root.findall(f"{ATOM}entry")}


def check_atom(client, root: ET.Element, *, lang: str, feed_url: str) -> None:
    """What RFC 4287 and feed readers need: ids, updated, author, absolute links that work, language."""
    assert root.get(XML_LANG) == lang
    assert root.findtext(f"{ATOM}title")
    assert root.findtext(f"{ATOM}id") == settings.SITE_URL + feed_url
    parse_time(root.findtext(f"{ATOM}updated"))
    assert root.findtext(f"{ATOM}author/{ATOM}name")
    links = {link.get("rel"): link.get("href") for link in root.findall(f"{ATOM}link")}
    assert links["self"] == settings.SITE_URL + feed_url
    assert links["alternate"].startswith(settings.SITE_URL + ("/" if lang == "de" else f"/{lang}/"))
    ids = [entry.findtext(f"{ATOM}id") for entry in root.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)) and all(i.startswith("tag:") and i.endswith(f"/{lang}") for i in ids)
    for entry in root.findall(f"{ATOM}entry"):
        assert entry.findtext(f"{ATOM}title")
        assert entry.find(f"{ATOM}summary").get("type") == "html" and entry.findtext(f"{ATOM}summary")
        parse_time(entry.findtext(f"{ATOM}updated"))
        if entry.findtext(f"{ATOM}published"):
            assert parse_time(entry.findtext(f"{ATOM}published")) <= parse_time(entry.findtext(f"{ATOM}updated"))
        link = entry.find(f"{ATOM}link[@rel='alternate']").get("href")
        assert link.startswith(settings.SITE_URL + "/"), link
        assert client.get(link.removeprefix(settings.SITE_URL)).status_code == 200, link


@pytest.fixture
def content():
    fest = make_thema(slug="fest", titel="Fest der Kulturen", titel_tr="Kültürler Şenliği")
    andere = make_thema(slug="andere", titel="Wohnen")
    ort = make_ort(name="Stadthalle", adresse="Musterstraße 1, Beckum")
    make_veranstaltung(titel="Sommerfest", titel_tr="Yaz Şenliği", kurztext_tr="Herkes davetli.", thema=fest, ort=ort)
    make_veranstaltung(titel="Erzählcafé", tage=3, abgesagt=True, thema=fest)
    make_veranstaltung(titel="Wohnberatung", tage=5, thema=andere)
    make_veranstaltung(titel="Entwurf eines Termins", tage=2, veroeffentlicht=False, thema=fest)
    make_veranstaltung(titel="Vergangenes Fest", tage=-10, thema=fest)
    make_sitzung(titel="Sitzung des Integrationsrats", tage=9)
    make_meldung(titel="Neues vom Fest", titel_tr="Şenlikten haberler", anreisser_tr="Kısa.", themen=[fest])
    make_meldung(titel="Neue Beratungszeiten", tage=-1, themen=[andere])
    make_meldung(titel="Entwurf einer Meldung", veroeffentlicht=False, themen=[fest])
    make_thema(slug="entwurf", titel="Entwurf eines Themas", veroeffentlicht=False)
    return fest


@pytest.mark.parametrize("lang", ["de", "tr"])
def test_events_feed_lists_upcoming_published_events_and_marks_cancelled_ones(client, content, lang):
    feed_url = url_in(lang, "veranstaltungen:feed")
    root = get_feed(client, feed_url)
    check_atom(client, root, lang=lang, feed_url=feed_url)
    with translation.override(lang):
        abgesagt = translation.gettext("Abgesagt:") + " Erzählcafé"
    sommerfest = "Yaz Şenliği" if lang == "tr" else "Sommerfest"
    assert set(entries(root)) == {sommerfest, abgesagt, "Wohnberatung", "Sitzung des Integrationsrats"}
    summary = entries(root)[sommerfest].findtext(f"{ATOM}summary")
    assert "Stadthalle" in summary and "Musterstraße 1, Beckum" in summary and "18:00" in summary
    assert entries(root)[sommerfest].findtext(f"{ATOM}link") is not None


def test_feed_entries_say_which_are_german_in_a_feed_of_another_language(client, content):
    found = entries(get_feed(client, url_in("tr", "veranstaltungen:feed")))
    assert found["Yaz Şenliği"].get(XML_LANG) is None  # translated: the feed's language
    assert found["Wohnberatung"].get(XML_LANG) == "de"  # the German text stands in
    assert entries(get_feed(client, url_in("de", "veranstaltungen:feed")))["Wohnberatung"].get(XML_LANG) is None


def test_feeds_of_two_languages_have_their_own_ids(client, content):
    de = {e.findtext(f"{ATOM}id") for e in get_feed(client, url_in("de", "veranstaltungen:feed")).iter(f"{ATOM}entry")}
    tr = {e.findtext(f"{ATOM}id") for e in get_feed(client, url_in("tr", "veranstaltungen:feed")).iter(f"{ATOM}entry")}
    assert len(de) == len(tr) == 4 and not de & tr


@pytest.mark.parametrize("lang", ["de", "tr"])
def test_news_feed_lists_published_news_newest_first(client, content, lang):
    feed_url = url_in(lang, "aktuelles:feed")
    root = get_feed(client, feed_url)
    check_atom(client, root, lang=lang, feed_url=feed_url)
    neu = "Şenlikten haberler" if lang == "tr" else "Neues vom Fest"
    assert list(entries(root)) == [neu, "Neue Beratungszeiten"]
    entry = entries(root)[neu]
    assert entry.findtext(f"{ATOM}published") and entry.findtext(f"{ATOM}summary")
    topic = "Kültürler Şenliği" if lang == "tr" else "Fest der Kulturen"
    assert [c.get("term") for c in entry.findall(f"{ATOM}category")] == [topic]


@pytest.mark.parametrize("lang", ["de", "tr"])
def test_topic_feed_lists_the_topics_news_and_upcoming_events(client, content, lang):
    feed_url = url_in(lang, "themen:feed", "fest")
    root = get_feed(client, feed_url)
    check_atom(client, root, lang=lang, feed_url=feed_url)
    with translation.override(lang):
        abgesagt = translation.gettext("Abgesagt:") + " Erzählcafé"
    if lang == "tr":
        assert set(entries(root)) == {"Şenlikten haberler", "Yaz Şenliği", abgesagt}
        assert "Kültürler Şenliği" in root.findtext(f"{ATOM}title")
    else:
        assert set(entries(root)) == {"Neues vom Fest", "Sommerfest", abgesagt}
    assert root.find(f"{ATOM}link[@rel='alternate']").get("href") == settings.SITE_URL + url_in(
        lang, "themen:detail", "fest"
    )


def test_topic_feed_of_a_draft_or_unknown_topic_is_404(client, content):
    assert client.get(reverse("themen:feed", args=["entwurf"])).status_code == 404
    assert client.get(reverse("themen:feed", args=["gibt-es-nicht"])).status_code == 404


def test_feeds_are_bounded_to_the_next_events_and_the_newest_news(client):
    thema = make_thema(slug="voll")
    for tag in range(MAX_ENTRIES + 5):
        make_veranstaltung(titel=f"Termin in {tag} Tagen", tage=tag, thema=thema)
        make_meldung(titel=f"Meldung vor {tag} Tagen", tage=-tag, themen=[thema])
    events = entries(get_feed(client, reverse("veranstaltungen:feed")))
    assert len(events) == MAX_ENTRIES and "Termin in 0 Tagen" in events and "Termin in 34 Tagen" not in events
    news = entries(get_feed(client, reverse("aktuelles:feed")))
    assert len(news) == MAX_ENTRIES and "Meldung vor 0 Tagen" in news and "Meldung vor 34 Tagen" not in news
    topic = entries(get_feed(client, reverse("themen:feed", args=["voll"])))
    kinds = [entry.findtext(f"{ATOM}id").split(":")[-1].split("/")[0] for entry in topic.values()]
    assert kinds.count("meldung") == kinds.count("veranstaltung") == MAX_ENTRIES // 2


def test_titles_and_summaries_are_text_never_markup(client):
    make_veranstaltung(titel="Kochen & Essen <b>gemeinsam</b>", kurztext="<script>alert(1)</script>")
    response = client.get(reverse("veranstaltungen:feed"))
    (entry,) = parse(response.content).findall(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Kochen & Essen <b>gemeinsam</b>"  # shown as typed, not as HTML
    # The summary is HTML (type="html"): the content's text in it is escaped once more.
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in entry.findtext(f"{ATOM}summary")
    assert "<script>" not in entry.findtext(f"{ATOM}summary")


def test_feeds_are_served_from_the_page_cache_with_their_content_type(client, settings, content):
    settings.PAGE_CACHE_SECONDS = 300
    for url in (reverse("veranstaltungen:feed"), url_in("tr", "aktuelles:feed"), reverse("themen:feed", args=["fest"])):
        first = client.get(url)
        with CaptureQueriesContext(connection) as ctx:
            second = client.get(url, HTTP_ACCEPT_ENCODING="br")
        assert len(ctx.captured_queries) == 0, url
        assert second["Content-Type"] == first["Content-Type"] == "application/atom+xml; charset=utf-8"
        assert second["Content-Encoding"] == "br"
        assert client.get(url).content == first.content  # the stored feed, uncompressed for who asks so


def test_a_save_renews_the_cached_feed(client, settings, content):
    settings.PAGE_CACHE_SECONDS = 300
    assert "Herbstfest" not in client.get(reverse("veranstaltungen:feed")).content.decode()
    event = make_veranstaltung(titel="Herbstfest")
    assert "Herbstfest" in client.get(reverse("veranstaltungen:feed")).content.decode()
    event.veroeffentlicht = False
    event.save()
    assert "Herbstfest" not in client.get(reverse("veranstaltungen:feed")).content.decode()


@pytest.mark.parametrize(
    ("page", "feeds"),
    [
        (("start",), ["veranstaltungen:feed", "aktuelles:feed"]),
        (("veranstaltungen:list",), ["veranstaltungen:feed"]),
        (("aktuelles:list",), ["aktuelles:feed"]),
        (("themen:detail", "fest"), ["themen:feed"]),
    ],
)
@pytest.mark.parametrize("lang", ["de", "tr"])
def test_pages_name_their_feeds(client, content, page, feeds, lang):
    html = client.get(url_in(lang, *page)).content.decode()
    for name in feeds:
        href = url_in(lang, name, *(["fest"] if name == "themen:feed" else []))
        link = rf'<link rel="alternate" type="application/atom\+xml" title="[^"]+" href="{href}">'
        assert re.search(link, html), name
