"""Recurring events: the rule (dateutil's rrule), the dates it makes, single dates changed on their own,
the lists that show a series once, and the admin where staff set it all up."""

import datetime

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from teilnahmen.models import Teilnahme
from teilnahmen.services import teilnahme_create
from tests.factories import make_image_upload, make_staff, make_thema, make_veranstaltung
from veranstaltungen.models import Terminreihe, Veranstaltung
from veranstaltungen.services import reihe_apply, reihe_update_following

pytestmark = pytest.mark.django_db

TUE = datetime.date(2027, 1, 12)  # the second Tuesday of January 2027
WEEKLY = Terminreihe.Rhythmus.WOECHENTLICH
NTH_WEEKDAY = Terminreihe.Rhythmus.MONATLICH_WOCHENTAG
MONTH_DAY = Terminreihe.Rhythmus.MONATLICH_DATUM


def rule(rhythmus, beginnt_am=TUE, *, intervall=1, bis=None, anzahl=None) -> list[datetime.date]:
    return Terminreihe(rhythmus=rhythmus, beginnt_am=beginnt_am, intervall=intervall, bis=bis, anzahl=anzahl).daten()


def test_every_second_week_for_a_number_of_times():
    dates = rule(WEEKLY, intervall=2, anzahl=4)
    assert dates == [TUE, datetime.date(2027, 1, 26), datetime.date(2027, 2, 9), datetime.date(2027, 2, 23)]


def test_weekly_until_a_date_includes_that_date():
    assert rule(WEEKLY, bis=datetime.date(2027, 1, 26))[-1] == datetime.date(2027, 1, 26)
    assert len(rule(WEEKLY, bis=datetime.date(2027, 1, 25))) == 2


def test_the_nth_weekday_of_the_month():
    dates = rule(NTH_WEEKDAY, anzahl=4)
    # The second Tuesday of January, February, March, April 2027.
    assert dates == [TUE, datetime.date(2027, 2, 9), datetime.date(2027, 3, 9), datetime.date(2027, 4, 13)]
    assert all(d.weekday() == 1 and 8 <= d.day <= 14 for d in dates)


def test_a_fifth_weekday_means_the_last_one_of_each_month():
    # 30 March 2027 is the fifth Tuesday; April has only four: its last is the 27th.
    dates = rule(NTH_WEEKDAY, datetime.date(2027, 3, 30), anzahl=3)
    assert dates == [datetime.date(2027, 3, 30), datetime.date(2027, 4, 27), datetime.date(2027, 5, 25)]


def test_monthly_on_a_date_skips_months_without_it():
    dates = rule(MONTH_DAY, datetime.date(2027, 1, 31), anzahl=3)
    assert dates == [datetime.date(2027, 1, 31), datetime.date(2027, 3, 31), datetime.date(2027, 5, 31)]


def test_every_third_month():
    assert rule(MONTH_DAY, datetime.date(2027, 1, 15), intervall=3, anzahl=3)[-1] == datetime.date(2027, 7, 15)


@pytest.mark.parametrize(
    "ende, code",
    [
        ({}, "end_missing"),
        ({"bis": datetime.date(2027, 3, 1), "anzahl": 3}, "end_missing"),
        ({"bis": datetime.date(2026, 12, 1)}, "end_before_start"),
        ({"anzahl": 101}, "too_many_dates"),
        ({"bis": datetime.date(2030, 1, 1)}, "too_many_dates"),
    ],
)
def test_a_rule_needs_one_end_and_at_most_a_hundred_dates(ende, code):
    reihe = Terminreihe(rhythmus=WEEKLY, beginnt_am=TUE, slug="x", **ende)
    with pytest.raises(ValidationError) as error:
        reihe.full_clean()
    codes = {e.code for errors in error.value.error_dict.values() for e in errors}
    assert code in codes


def test_the_rule_in_words():
    assert Terminreihe(rhythmus=WEEKLY, beginnt_am=TUE, intervall=2).beschreibung == "alle 2 Wochen am Dienstag"
    assert Terminreihe(rhythmus=NTH_WEEKDAY, beginnt_am=TUE).beschreibung == "jeden zweiten Dienstag im Monat"
    last = Terminreihe(rhythmus=NTH_WEEKDAY, beginnt_am=datetime.date(2027, 3, 30), intervall=2)
    assert last.beschreibung == "jeden letzten Dienstag alle 2 Monate"
    assert Terminreihe(rhythmus=MONTH_DAY, beginnt_am=TUE).beschreibung == "jeden Monat am 12."


# --- The dates of a series ---------------------------------------------------------------------


def series(*, tage=7, anzahl=6, intervall=2, **kwargs) -> Veranstaltung:
    """A series made on the day of its first date (so dates already past are made too)."""
    event = make_veranstaltung(tage=tage, **{"slug": "sprechstunde", "titel": "Sprechstunde", **kwargs})
    reihe_apply(vorlage=event, rhythmus=WEEKLY, intervall=intervall, bis=None, anzahl=anzahl, heute=event.datum)
    event.refresh_from_db()
    return event


def test_each_date_is_an_event_of_its_own_with_its_own_address():
    first = series(titel_en="Office hours", ende=datetime.time(19, 30), anmeldung=True, plaetze=5)
    dates = list(Veranstaltung.objects.in_series(first.reihe))
    assert len(dates) == 6
    assert [d.datum for d in dates] == first.reihe.daten()
    assert dates[0].pk == first.pk and dates[0].slug == "sprechstunde"
    assert dates[1].slug == f"sprechstunde-{dates[1].datum:%m-%d}"
    assert len({d.get_absolute_url() for d in dates}) == 6
    # The copies carry the content: times, translations, registration settings.
    assert {(d.beginn, d.ende, d.titel_en, d.anmeldung, d.plaetze) for d in dates} == {
        (datetime.time(18), datetime.time(19, 30), "Office hours", True, 5)
    }


def test_a_series_shares_one_image_file_until_the_last_date_lets_go(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        first = series(bild=make_image_upload(), bild_alt="Ein Tisch")
    storage, name = first.bild.storage, first.bild.name
    others = Veranstaltung.objects.in_series(first.reihe).exclude(pk=first.pk)
    assert set(others.values_list("bild", flat=True)) == {name}
    with django_capture_on_commit_callbacks(execute=True):
        others.first().delete()
    assert storage.exists(name), "another date still shows the image"


def test_fewer_dates_delete_the_upcoming_ones_but_cancel_those_people_registered_for(
    django_capture_on_commit_callbacks,
):
    first = series(anmeldung=True, plaetze=5)
    dates = list(Veranstaltung.objects.in_series(first.reihe))
    teilnahme_create(veranstaltung_id=dates[5].pk, name="Ada", email="ada@example.org", sprache="tr")
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        reihe_apply(vorlage=first, rhythmus=WEEKLY, intervall=2, bis=None, anzahl=3)
    remaining = Veranstaltung.objects.in_series(first.reihe)
    assert [d.pk for d in remaining] == [d.pk for d in dates[:3]] + [dates[5].pk]
    cancelled = remaining.get(pk=dates[5].pk)
    assert cancelled.abgesagt
    assert Teilnahme.objects.get().absage_gesendet_am is not None
    assert len(mail.outbox) == 1 and mail.outbox[0].to == ["ada@example.org"]


def test_past_dates_are_never_touched():
    first = series(tage=-21, anzahl=6)  # two dates in the past, four to come
    past = list(Veranstaltung.objects.in_series(first.reihe).past().values_list("pk", flat=True))
    assert len(past) == 2
    reihe_apply(vorlage=first, rhythmus=WEEKLY, intervall=1, bis=None, anzahl=2)
    assert set(past) <= set(Veranstaltung.objects.in_series(first.reihe).values_list("pk", flat=True))


def test_a_moved_date_keeps_its_own_date_when_the_series_changes():
    first = series()
    moved = Veranstaltung.objects.in_series(first.reihe)[2]
    moved.datum += datetime.timedelta(days=1)
    moved.einzeln_geaendert = True
    moved.save()
    first.kurztext = "Neu für alle"
    first.save()
    reihe_update_following(vorlage=first)
    reihe_apply(vorlage=first, rhythmus=WEEKLY, intervall=2, bis=None, anzahl=6)
    moved.refresh_from_db()
    assert moved.kurztext != "Neu für alle"
    # Its rule date is taken: no second date is made for it.
    assert Veranstaltung.objects.in_series(first.reihe).count() == 6
    assert set(
        Veranstaltung.objects.in_series(first.reihe).exclude(pk=moved.pk).values_list("kurztext", flat=True)
    ) == {"Neu für alle"}


def test_changing_this_and_following_leaves_earlier_dates_alone():
    first = series()
    dates = list(Veranstaltung.objects.in_series(first.reihe))
    dates[3].beginn = datetime.time(16, 0)
    dates[3].save()
    assert reihe_update_following(vorlage=dates[3]) == 2
    beginne = [d.beginn for d in Veranstaltung.objects.in_series(first.reihe)]
    assert beginne == [datetime.time(18)] * 3 + [datetime.time(16)] * 3


# --- What visitors see ------------------------------------------------------------------------------


def test_lists_show_a_series_once_with_its_next_date_and_the_archive_every_date(client):
    thema = make_thema(slug="beratung")
    first = series(thema=thema, anzahl=4, intervall=1)
    make_veranstaltung(tage=10, titel="Fest", thema=thema)
    listing = client.get(reverse("veranstaltungen:list"))
    assert list(listing.context["object_list"].pks) == [first.pk, Veranstaltung.objects.get(titel="Fest").pk]
    assert listing.context["paginator"].count == 2
    assert "jede Woche am" in listing.content.decode()
    start = client.get(reverse("start")).context["veranstaltungen"]
    assert [v.titel for v in start] == ["Sprechstunde", "Fest"]
    topic = client.get(thema.get_absolute_url()).content.decode()
    assert topic.count("Sprechstunde</a>") == 1
    year = first.datum.year
    archive = client.get(reverse("veranstaltungen:jahr", args=[year])).context["paginator"].count
    assert archive == Veranstaltung.objects.in_year(year).count()


def test_the_list_shows_the_next_date_once_the_first_is_past(client):
    first = series(tage=-7, anzahl=4)  # one past date
    listing = client.get(reverse("veranstaltungen:list")).context["object_list"]
    assert [Veranstaltung.objects.get(pk=pk).datum for pk in listing.pks] == [first.datum + datetime.timedelta(days=14)]


def test_a_dates_page_shows_the_next_three_dates_and_a_cancelled_one_says_so(client):
    first = series()
    dates = list(Veranstaltung.objects.in_series(first.reihe))
    dates[1].abgesagt = True
    dates[1].save()
    page = client.get(first.get_absolute_url())
    assert [(t.pk, dieser) for t, dieser in page.context["naechste_termine"]] == [
        (dates[0].pk, True),
        (dates[1].pk, False),
        (dates[2].pk, False),
    ]
    html = page.content.decode()
    assert "Die nächsten Termine" in html and "dieser Termin" in html
    assert "alle 2 Wochen am" in html
    assert html.count("abgesagt</strong>") == 1
    assert reverse("veranstaltungen:reihe_ics", kwargs={"reihe": first.reihe_id}) in html


def test_each_date_has_its_own_ics(client):
    first = series()
    second = Veranstaltung.objects.in_series(first.reihe)[1]
    response = client.get(second.get_ics_url())
    assert response.status_code == 200
    body = response.content.decode()
    assert body.count("BEGIN:VEVENT") == 1
    assert f"DTSTART;TZID=Europe/Berlin:{second.datum:%Y%m%d}T180000" in body


def test_a_series_is_announced_once_to_alert_subscribers():
    from benachrichtigungen.quellen import quelle_of

    first = series()
    due = quelle_of(Veranstaltung).due(timezone.now())
    assert list(due.values_list("pk", flat=True)) == [first.pk]


# --- The admin -------------------------------------------------------------------------------------


@pytest.fixture
def redaktion(client):
    client.force_login(make_staff("redakteur", "Redaktion"))
    return client


def admin_form(event: Veranstaltung | None = None, **changes) -> dict:
    datum = timezone.localdate() + datetime.timedelta(days=7)
    data = {
        "titel_de": "Sprechstunde",
        "slug": "sprechstunde",
        "datum": f"{datum:%Y-%m-%d}",
        "beginn": "17:00",
        "ende": "18:30",
        "kurztext_de": "Kommen Sie vorbei.",
        "veroeffentlicht": "on",
        "begleitpersonen_max": "0",
        "intervall": "1",
        "aenderung_fuer": "nur_dieser",
    }
    if event is not None:
        data.update(
            titel_de=event.titel_de,
            slug=event.slug,
            datum=f"{event.datum:%Y-%m-%d}",
            beginn=f"{event.beginn:%H:%M}",
            ende=f"{event.ende:%H:%M}",
            kurztext_de=event.kurztext_de,
        )
        if event.reihe_id:
            data.update(
                wiederholung=event.reihe.rhythmus,
                intervall=str(event.reihe.intervall),
                wiederholung_anzahl=str(event.reihe.anzahl or ""),
                wiederholung_bis=f"{event.reihe.bis:%Y-%m-%d}" if event.reihe.bis else "",
            )
    return {**data, **changes}


def test_staff_make_a_series_in_the_admin(redaktion):
    response = redaktion.post(
        reverse("admin:veranstaltungen_veranstaltung_add"),
        admin_form(wiederholung=WEEKLY, intervall="2", wiederholung_anzahl="5"),
    )
    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Veranstaltung.objects.count() == 5
    assert Terminreihe.objects.get().beschreibung.startswith("alle 2 Wochen am")


def test_the_admin_refuses_a_rule_without_end_and_keeps_what_was_typed(redaktion):
    response = redaktion.post(reverse("admin:veranstaltungen_veranstaltung_add"), admin_form(wiederholung=WEEKLY))
    assert response.status_code == 200
    assert "entweder ein Enddatum oder eine Anzahl" in response.content.decode()
    assert Veranstaltung.objects.count() == 0


def test_moving_one_date_in_the_admin_moves_only_that_date(redaktion):
    first = series(ende=datetime.time(19, 0))
    third = Veranstaltung.objects.in_series(first.reihe)[2]
    neu = third.datum + datetime.timedelta(days=1)
    url = reverse("admin:veranstaltungen_veranstaltung_change", args=[third.pk])
    response = redaktion.post(url, admin_form(third, datum=f"{neu:%Y-%m-%d}"))
    assert response.status_code == 302
    third.refresh_from_db()
    assert third.datum == neu and third.einzeln_geaendert and third.reihe_datum != neu
    assert Veranstaltung.objects.in_series(first.reihe).count() == 6


def test_changing_this_and_following_in_the_admin(redaktion):
    first = series(ende=datetime.time(19, 0))
    fourth = Veranstaltung.objects.in_series(first.reihe)[3]
    url = reverse("admin:veranstaltungen_veranstaltung_change", args=[fourth.pk])
    response = redaktion.post(url, admin_form(fourth, kurztext_de="Jetzt im Rathaus", aenderung_fuer="folgende"))
    assert response.status_code == 302
    texts = list(Veranstaltung.objects.in_series(first.reihe).values_list("kurztext_de", flat=True))
    assert texts[:3] != ["Jetzt im Rathaus"] * 3 and texts[3:] == ["Jetzt im Rathaus"] * 3


def test_ending_a_series_in_the_admin_after_a_date(redaktion):
    first = series(ende=datetime.time(19, 0))
    third = Veranstaltung.objects.in_series(first.reihe)[2]
    url = reverse("admin:veranstaltungen_veranstaltung_change", args=[third.pk])
    response = redaktion.post(url, admin_form(third, wiederholung=""))
    assert response.status_code == 302
    assert Veranstaltung.objects.in_series(first.reihe).count() == 3


def test_the_search_finds_a_series_once_on_its_first_dates_page(client):
    from suche.services import index_rebuild

    first = series(titel="Sprechstunde am Abend")
    index_rebuild()
    treffer = client.get(reverse("suche:suche"), {"q": "Sprechstunde"}).content.decode()
    assert treffer.count(first.get_absolute_url()) == 1
    assert Veranstaltung.objects.in_series(first.reihe)[1].get_absolute_url() not in treffer


def test_the_sitemap_lists_every_date_and_the_alert_sign_up(client):
    first = series()
    sitemap = client.get(reverse("sitemap")).content.decode()
    for date in Veranstaltung.objects.in_series(first.reihe):
        assert date.get_absolute_url() in sitemap
    assert reverse("benachrichtigungen:anmeldung") + "</loc>" in sitemap


def test_each_date_gets_its_own_deadline_the_same_time_before_it():
    tag = timezone.localdate() + datetime.timedelta(days=7)
    schluss = datetime.datetime.combine(
        tag - datetime.timedelta(days=1), datetime.time(12), tzinfo=timezone.get_current_timezone()
    )
    first = series(anmeldung=True, plaetze=5, anmeldeschluss=schluss)
    dates = list(Veranstaltung.objects.in_series(first.reihe))
    assert [d.anmeldeschluss - schluss for d in dates] == [d.datum - first.datum for d in dates]
    # A day after the first date's deadline, the later dates are still open.
    assert [d.anmeldung_offen(schluss + datetime.timedelta(hours=1)) for d in dates[:2]] == [False, True]


def test_cancelling_stays_with_the_date_when_the_series_is_edited(django_capture_on_commit_callbacks):
    first = series(anmeldung=True, plaetze=5)
    dates = list(Veranstaltung.objects.in_series(first.reihe))
    teilnahme_create(veranstaltung_id=dates[5].pk, name="Ada", email="ada@example.org", sprache="de")
    with django_capture_on_commit_callbacks(execute=True):
        reihe_apply(vorlage=first, rhythmus=WEEKLY, intervall=2, bis=None, anzahl=3)
    # A typo fixed on the first date "for this and all following": the cancelled date stays cancelled.
    first.kurztext = "Ohne Tippfehler"
    first.save()
    reihe_update_following(vorlage=first)
    assert Veranstaltung.objects.get(pk=dates[5].pk).abgesagt
    # And a cancelled date edited "for this and all following" does not cancel the others.
    dates[1].refresh_from_db()
    dates[1].abgesagt = True
    dates[1].save()
    reihe_update_following(vorlage=dates[1])
    assert not Veranstaltung.objects.get(pk=dates[2].pk).abgesagt


def test_a_cancelled_next_date_does_not_hide_the_series_in_the_list(client):
    first = series(intervall=1)
    first.abgesagt = True
    first.save()
    listing = client.get(reverse("veranstaltungen:list")).context["object_list"]
    second = Veranstaltung.objects.in_series(first.reihe)[1]
    assert list(listing.pks) == [first.pk, second.pk]


def test_dates_of_two_series_never_share_an_address():
    first = series(intervall=1, anzahl=3)
    # A second series whose dates fall on the same days with the same base address.
    reihe = Terminreihe(beginnt_am=first.datum, slug="sprechstunde")
    reihe.rhythmus, reihe.intervall, reihe.anzahl = WEEKLY, 1, 3
    reihe.save()
    from veranstaltungen.services import termin_slug

    second = Veranstaltung.objects.in_series(first.reihe)[1]
    assert termin_slug(reihe, second.datum) == f"{second.slug}-2"


def test_a_group_bigger_than_the_event_is_refused():
    event = make_veranstaltung(anmeldung=True, plaetze=3, begleitpersonen_max=3)
    with pytest.raises(ValidationError) as error:
        event.full_clean()
    assert error.value.error_dict["begleitpersonen_max"][0].code == "group_too_big"
    event.begleitpersonen_max = 2
    event.full_clean()


def test_save_as_new_on_a_date_of_a_series_copies_one_date(redaktion):
    first = series(ende=datetime.time(19, 0))
    second = Veranstaltung.objects.in_series(first.reihe)[1]
    neu = second.datum + datetime.timedelta(days=2)
    url = reverse("admin:veranstaltungen_veranstaltung_change", args=[second.pk])
    response = redaktion.post(url, admin_form(second, datum=f"{neu:%Y-%m-%d}", slug="kopie", _saveasnew="1"))
    assert response.status_code == 302
    assert Terminreihe.objects.count() == 1 and Veranstaltung.objects.count() == 7
    assert Veranstaltung.objects.get(slug="kopie").reihe is None
