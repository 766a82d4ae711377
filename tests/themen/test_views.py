import datetime

import pytest
from django.urls import reverse

from tests.factories import make_rueckblick, make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


def test_topic_page_shows_points_and_its_events(client):
    thema = make_thema(titel="Fest der Kulturen", punkte="<ul><li>Stand</li><li>Ansprechperson für Alle</li></ul>")
    make_veranstaltung(titel="Fest 2030", thema=thema)
    make_veranstaltung(titel="Fest 2020", thema=thema, datum=datetime.date(2020, 6, 1))
    make_veranstaltung(titel="Anderes Fest")
    page = client.get(thema.get_absolute_url()).content.decode()
    assert "<li>Stand</li>" in page and "<li>Ansprechperson für Alle</li>" in page
    assert "Fest 2030" in page and "Fest 2020" in page
    assert "Anderes Fest" not in page


def test_unpublished_topic_is_404_but_previewable(client):
    draft = make_thema(veroeffentlicht=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    client.force_login(make_staff("redakteurin", "Redaktion"))
    assert "Vorschau:" in client.get(draft.get_absolute_url()).content.decode()


def test_review_shows_curated_topics_in_order_and_that_years_events(client):
    a, b = make_thema(titel="Zweites Thema"), make_thema(titel="Erstes Thema")
    make_thema(titel="Nicht im Rückblick")
    make_rueckblick(jahr=2024, themen=[b, a])
    make_veranstaltung(titel="Sitzung", datum=datetime.date(2024, 11, 14))
    make_veranstaltung(titel="Andere Sitzung", datum=datetime.date(2025, 1, 14))
    page = client.get(reverse("themen:rueckblick", args=[2024])).content.decode()
    assert page.index("Erstes Thema") < page.index("Zweites Thema")
    assert "Nicht im Rückblick" not in page
    assert "Sitzung" in page and "Andere Sitzung" not in page


def test_review_exists_for_years_with_only_events_and_404s_otherwise(client):
    make_veranstaltung(datum=datetime.date(2025, 3, 1))
    assert client.get(reverse("themen:rueckblick", args=[2025])).status_code == 200
    assert client.get(reverse("themen:rueckblick", args=[2019])).status_code == 404


def test_unpublished_review_is_404_for_the_public(client):
    make_rueckblick(jahr=2023, veroeffentlicht=False)
    assert client.get(reverse("themen:rueckblick", args=[2023])).status_code == 404


def test_topic_page_shows_the_next_five_events_and_links_to_all_of_them(client):
    thema = make_thema(slug="fest")
    for tage in range(1, 7):
        make_veranstaltung(titel=f"Termin in {tage} Tagen", tage=tage, thema=thema)
    make_veranstaltung(titel="Ein anderes Thema", thema=make_thema(slug="wohnen"))
    page = client.get(thema.get_absolute_url()).content.decode()
    assert [f"Termin in {t} Tagen" in page for t in range(1, 7)] == [True] * 5 + [False]
    assert "Ein anderes Thema" not in page
    assert 'href="/veranstaltungen/?thema=fest"' in page
    alle = client.get("/veranstaltungen/?thema=fest").content.decode()
    assert all(f"Termin in {t} Tagen" in alle for t in range(1, 7)) and "Ein anderes Thema" not in alle


def test_topic_page_without_more_events_has_no_link_to_more(client):
    thema = make_thema(slug="fest")
    make_veranstaltung(thema=thema)
    assert "?thema=fest" not in client.get(thema.get_absolute_url()).content.decode()


def test_review_lists_twenty_events_and_links_to_the_years_archive(client):
    make_rueckblick(jahr=2024)
    for tag in range(1, 22):
        make_veranstaltung(titel=f"Termin am {tag}. März", slug=f"termin-{tag}", datum=datetime.date(2024, 3, tag))
    page = client.get(reverse("themen:rueckblick", args=[2024])).content.decode()
    assert "Termin am 20. März" in page and "Termin am 21. März" not in page
    assert 'href="/veranstaltungen/2024/"' in page
    archive = client.get("/veranstaltungen/2024/?page=2").content.decode()
    assert "Termin am 21. März" in archive
