import datetime

import pytest
from django.urls import reverse
from icalendar import Calendar

from tests.factories import make_ort, make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


def test_list_shows_upcoming_published_events_with_date_place_topic(client):
    thema = make_thema(titel="Fest der Kulturen")
    make_veranstaltung(titel="Sommerfest", thema=thema, ort=make_ort(name="Marktplatz"), beginn=datetime.time(15, 30))
    make_veranstaltung(titel="Entwurf", veroeffentlicht=False)
    make_veranstaltung(titel="Vorbei", tage=-3)
    page = client.get(reverse("veranstaltungen:list")).content.decode()
    assert "Sommerfest" in page and "Marktplatz" in page and "Fest der Kulturen" in page and "15:30" in page
    assert "Entwurf" not in page
    assert "Vorbei" not in page


def test_list_filters_by_topic_slug(client):
    thema = make_thema(slug="fest")
    make_veranstaltung(titel="Mit Thema", thema=thema)
    make_veranstaltung(titel="Ohne Thema")
    page = client.get(reverse("veranstaltungen:list"), {"thema": "fest"}).content.decode()
    assert "Mit Thema" in page and "Ohne Thema" not in page


@pytest.mark.parametrize(
    "query",
    [
        {"thema": "<script>x</script>"},
        {"thema": "gibt-es-nicht", "page": "2"},
        {"thema": ["fest", "fest"]},  # twice
        {"page": "abc"},
        {"page": "2"},  # there is only one page
        {"page": "0"},
    ],
)
def test_unknown_topics_and_page_numbers_lead_to_the_unfiltered_list(client, query):
    make_thema(slug="fest")
    make_veranstaltung(titel="Irgendwas")
    response = client.get(reverse("veranstaltungen:list"), query)
    notice = "?hinweis=thema" if "thema" in query else ""
    assert response.status_code == 302 and response["Location"] == reverse("veranstaltungen:list") + notice
    page = client.get(response["Location"]).content.decode()
    assert "Irgendwas" in page and "<script>x</script>" not in page


def test_page_one_is_the_list_itself(client):
    make_veranstaltung(titel="Irgendwas")
    response = client.get(reverse("veranstaltungen:list"), {"page": "1"})
    assert response.status_code == 200 and "Irgendwas" in response.content.decode()


def test_cancelled_event_is_marked_in_words(client):
    event = make_veranstaltung(titel="Fällt aus", abgesagt=True)
    assert "Abgesagt" in client.get(reverse("veranstaltungen:list")).content.decode()
    assert "Dieser Termin findet nicht statt" in client.get(event.get_absolute_url()).content.decode()


def test_year_archive_lists_that_years_events_and_404s_on_empty_years(client):
    make_veranstaltung(titel="Sitzung 2024", datum=datetime.date(2024, 11, 14))
    make_veranstaltung(titel="Sitzung 2023", datum=datetime.date(2023, 5, 1))
    page = client.get(reverse("veranstaltungen:jahr", args=[2024])).content.decode()
    assert "Sitzung 2024" in page and "Sitzung 2023" not in page
    assert client.get(reverse("veranstaltungen:jahr", args=[2019])).status_code == 404
    # the list page links to past years
    assert reverse("veranstaltungen:jahr", args=[2023]) in client.get(reverse("veranstaltungen:list")).content.decode()


def test_detail_page_and_404s(client):
    event = make_veranstaltung(titel="Sprechstunde", datum=datetime.date(2030, 1, 15))
    assert client.get(event.get_absolute_url()).status_code == 200
    assert client.get(reverse("veranstaltungen:detail", args=[2031, event.slug])).status_code == 404
    response = client.get(reverse("veranstaltungen:detail", args=[2030, "gibt-es-nicht"]))
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()  # our designed 404 page


def test_unpublished_event_is_404_for_public_and_previewable_for_redaktion(client):
    draft = make_veranstaltung(titel="Geheimer Entwurf", veroeffentlicht=False)
    assert client.get(draft.get_absolute_url()).status_code == 404
    assert client.get(draft.get_ics_url()).status_code == 404
    client.force_login(make_staff("redakteurin", "Redaktion"))
    response = client.get(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Vorschau:" in response.content.decode()


def test_event_ics_has_local_time_place_and_url(client):
    event = make_veranstaltung(
        titel="Sprechstunde",
        datum=datetime.date(2030, 1, 15),
        beginn=datetime.time(17, 0),
        ende=datetime.time(18, 30),
        ort=make_ort(name="Rathaus", adresse="Markt 1"),
    )
    response = client.get(event.get_ics_url())
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert "attachment" in response["Content-Disposition"]
    (vevent,) = Calendar.from_ical(response.content).walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Sprechstunde"
    assert vevent.start == datetime.datetime(2030, 1, 15, 17, 0, tzinfo=vevent.start.tzinfo)
    assert str(vevent.start.tzinfo) == "Europe/Berlin"
    assert vevent.end.hour == 18 and vevent.end.minute == 30
    assert str(vevent["LOCATION"]) == "Rathaus, Markt 1"
    assert str(vevent["URL"]).endswith(event.get_absolute_url())


def test_event_without_time_is_a_whole_day_entry(client):
    event = make_veranstaltung(datum=datetime.date(2030, 6, 1), beginn=None)
    (vevent,) = Calendar.from_ical(client.get(event.get_ics_url()).content).walk("VEVENT")
    assert vevent.start == datetime.date(2030, 6, 1)
    assert vevent.end == datetime.date(2030, 6, 2)


def test_calendar_feed_has_all_upcoming_published_events_and_marks_cancelled(client):
    make_veranstaltung(titel="Kommt")
    make_veranstaltung(titel="Abgesagt", abgesagt=True)
    make_veranstaltung(titel="Vorbei", tage=-1)
    make_veranstaltung(titel="Entwurf", veroeffentlicht=False)
    calendar = Calendar.from_ical(client.get(reverse("veranstaltungen:kalender_ics")).content)
    events = {str(e["SUMMARY"]): str(e["STATUS"]) for e in calendar.walk("VEVENT")}
    assert events == {"Kommt": "CONFIRMED", "Abgesagt": "CANCELLED"}


def test_event_uid_does_not_depend_on_the_host_name(client):
    event = make_veranstaltung()
    uids = {
        str(Calendar.from_ical(client.get(event.get_ics_url(), HTTP_HOST=host).content).walk("VEVENT")[0]["UID"])
        for host in ("localhost", "127.0.0.1")
    }
    assert len(uids) == 1
