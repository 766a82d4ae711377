"""The news pages: list, detail, drafts and previews, and where news appear elsewhere."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import override

from inhalte.listen import PAGE_SIZE
from tests.factories import make_image_upload, make_meldung, make_meldungen, make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


def page(client, url, **query) -> str:
    response = client.get(url, query)
    assert response.status_code == 200, url
    return response.content.decode()


def test_list_shows_published_news_newest_first(client):
    make_meldung(titel="Ältere Meldung", tage=-10)
    make_meldung(titel="Neueste Meldung", tage=-1, anreisser="Was es Neues gibt")
    make_meldung(titel="Geheimer Entwurf", veroeffentlicht=False)
    make_meldung(titel="Erscheint später", veroeffentlichen_ab=timezone.now() + datetime.timedelta(days=1))
    make_meldung(titel="Abgelaufen", veroeffentlichen_bis=timezone.now() - datetime.timedelta(days=1))
    html = page(client, reverse("aktuelles:list"))
    assert html.index("Neueste Meldung") < html.index("Ältere Meldung")
    assert "Was es Neues gibt" in html
    assert "Geheimer Entwurf" not in html and "Erscheint später" not in html and "Abgelaufen" not in html


def test_empty_list_says_so(client):
    assert "Zurzeit gibt es keine Meldungen." in page(client, reverse("aktuelles:list"))


def test_list_is_paginated_and_unknown_pages_lead_to_the_list(client):
    make_meldungen(PAGE_SIZE + 5)
    erste = page(client, reverse("aktuelles:list"))
    zweite = page(client, reverse("aktuelles:list"), page="2")
    assert erste.count('class="news-card"') == PAGE_SIZE and zweite.count('class="news-card"') == 5
    assert "Seite 1 von 2" in erste and "Seite 2 von 2" in zweite
    assert "?page=2" in erste
    for wrong in ("3", "0", "abc"):
        response = client.get(reverse("aktuelles:list"), {"page": wrong})
        assert response.status_code == 302 and response["Location"] == reverse("aktuelles:list")


def test_same_day_news_keep_a_stable_order_across_pages(client):
    make_meldungen(PAGE_SIZE + 5, datum=timezone.localdate())  # all on one day: the pk decides
    seen = page(client, reverse("aktuelles:list")) + page(client, reverse("aktuelles:list"), page="2")
    assert all(seen.count(f"massenmeldung-{n}/") <= 1 for n in range(200))
    assert seen.count('class="news-card"') == PAGE_SIZE + 5


def test_detail_shows_date_teaser_text_image_topics_and_event(client):
    thema = make_thema(titel="Fest der Kulturen")
    versteckt = make_thema(titel="Noch nicht öffentlich", veroeffentlicht=False)
    event = make_veranstaltung(titel="Sommerfest")
    meldung = make_meldung(
        titel="Das Fest kommt",
        datum=datetime.date(2025, 6, 3),
        anreisser="Alle sind eingeladen.",
        text="<h2>Programm</h2><p>Musik und <strong>Essen</strong>.</p><script>alert(1)</script>",
        veranstaltung=event,
        themen=[thema, versteckt],
        bild=make_image_upload(),
        bild_alt="Menschen an einem Stand",
    )
    assert meldung.get_absolute_url() == "/aktuelles/2025/" + meldung.slug + "/"
    html = page(client, meldung.get_absolute_url())
    assert "<h1>Das Fest kommt</h1>" in html
    assert '<time datetime="2025-06-03">3. Juni 2025</time>' in html
    assert "Alle sind eingeladen." in html and "<h2>Programm</h2>" in html and "<strong>Essen</strong>" in html
    assert "<script>alert" not in html
    assert 'alt="Menschen an einem Stand"' in html
    assert f'href="{thema.get_absolute_url()}"' in html and "Noch nicht öffentlich" not in html
    assert f'href="{event.get_absolute_url()}"' in html and "Sommerfest" in html
    assert "Vorschau:" not in html


def test_detail_leaves_out_an_event_the_public_cannot_see(client):
    meldung = make_meldung(veranstaltung=make_veranstaltung(titel="Entwurfstermin", veroeffentlicht=False))
    assert "Entwurfstermin" not in page(client, meldung.get_absolute_url())


def test_detail_404s_for_other_years_and_unknown_slugs(client):
    meldung = make_meldung(datum=datetime.date(2025, 6, 3))
    assert client.get(reverse("aktuelles:detail", args=[2024, meldung.slug])).status_code == 404
    response = client.get(reverse("aktuelles:detail", args=[2025, "gibt-es-nicht"]))
    assert response.status_code == 404 and "Diese Seite gibt es nicht" in response.content.decode()


def test_draft_is_404_for_the_public_and_a_preview_for_redaktion(client):
    draft = make_meldung(titel="Geheimer Entwurf", veroeffentlicht=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert "Geheimer Entwurf" not in page(client, reverse("aktuelles:list"))
    client.force_login(make_staff("redakteurin", "Redaktion"))
    html = page(client, draft.get_absolute_url())
    assert "Geheimer Entwurf" in html and "Vorschau:" in html
    # Staff preview a draft, but the public list stays what the public sees.
    assert "Geheimer Entwurf" not in page(client, reverse("aktuelles:list"))


def test_beratung_staff_do_not_preview_drafts(client):
    draft = make_meldung(veroeffentlicht=False)
    client.force_login(make_staff("berater", "Beratung"))
    assert client.get(draft.get_absolute_url()).status_code == 404


def test_untranslated_news_says_so_and_is_marked_german(client):
    meldung = make_meldung(titel="Nur deutsch")
    uebersetzt = make_meldung(titel="Auch englisch", titel_en="Also in English", anreisser_en="In English.")
    with override("en"):
        url, url_uebersetzt = meldung.get_absolute_url(), uebersetzt.get_absolute_url()
    html = page(client, url)
    assert url.startswith("/en/aktuelles/")
    assert "translation-note" in html and '<h1 lang="de">Nur deutsch</h1>' in html
    html = page(client, url_uebersetzt)
    assert "translation-note" not in html and "<h1>Also in English</h1>" in html


def test_navigation_has_the_news_and_marks_them_current(client):
    meldung = make_meldung()
    for url in (reverse("aktuelles:list"), meldung.get_absolute_url()):
        assert f'<a href="{reverse("aktuelles:list")}" aria-current="page">Aktuelles</a>' in page(client, url)
    assert f'<a href="{reverse("aktuelles:list")}">Aktuelles</a>' in page(client, reverse("start"))


def test_start_page_shows_the_latest_two_news(client):
    make_meldung(titel="Drittneueste", tage=-3)
    make_meldung(titel="Neueste", tage=0)
    make_meldung(titel="Zweitneueste", tage=-1)
    make_meldung(titel="Entwurf von heute", veroeffentlicht=False)
    html = page(client, reverse("start"))
    assert html.index("Neueste") < html.index("Zweitneueste")
    assert "Drittneueste" not in html and "Entwurf von heute" not in html
    assert f'href="{reverse("aktuelles:list")}"' in html


def test_start_page_has_no_news_section_without_news(client):
    make_meldung(veroeffentlicht=False)
    assert 'id="aktuelles-titel"' not in page(client, reverse("start"))


def test_topic_page_lists_its_latest_three_news(client):
    thema, anderes = make_thema(), make_thema()
    for n in range(4):
        make_meldung(titel=f"Zum Thema {n}", tage=-n, themen=[thema])
    make_meldung(titel="Anderes Thema", themen=[anderes])
    make_meldung(titel="Entwurf zum Thema", themen=[thema], veroeffentlicht=False)
    html = page(client, thema.get_absolute_url())
    assert "Meldungen zu diesem Thema" in html
    assert all(f"Zum Thema {n}" in html for n in range(3)) and "Zum Thema 3" not in html
    assert "Anderes Thema" not in html and "Entwurf zum Thema" not in html
    assert "Meldungen zu diesem Thema" not in page(client, make_thema().get_absolute_url())


def test_sitemap_lists_published_news_only(client):
    meldung = make_meldung()
    draft = make_meldung(veroeffentlicht=False)
    xml = page(client, reverse("sitemap"))
    assert meldung.get_absolute_url() in xml and draft.get_absolute_url() not in xml
    assert "/aktuelles/</loc>" in xml


def test_a_save_shows_at_once_on_the_list(client):
    meldung = make_meldung(titel="Vorher")
    assert "Vorher" in page(client, reverse("aktuelles:list"))
    meldung.titel = "Nachher"
    meldung.save()
    html = page(client, reverse("aktuelles:list"))
    assert "Nachher" in html and "Vorher" not in html


def test_linking_a_topic_shows_at_once_on_its_page(client):
    thema = make_thema()
    meldung = make_meldung(titel="Später verknüpft")
    assert "Später verknüpft" not in page(client, thema.get_absolute_url())
    meldung.themen.add(thema)  # only the link table changes
    assert "Später verknüpft" in page(client, thema.get_absolute_url())
