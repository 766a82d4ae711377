"""Past the first-answer target: marked in the list and on the request, and a daily reminder without content."""

import datetime
import zoneinfo
from io import StringIO

import pytest
import time_machine
from django.contrib.auth.models import User
from django.core import mail
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from anfragen.models import Anfrage
from anfragen.services import antwort_send
from tests.factories import make_anfrage, make_berater, make_staff

pytestmark = pytest.mark.django_db

BERLIN = zoneinfo.ZoneInfo("Europe/Berlin")
DONNERSTAG = datetime.datetime(2026, 12, 3, 10, 0, tzinfo=BERLIN)  # target: end of Tuesday, 8 December
DIENSTAG_ABEND = datetime.datetime(2026, 12, 8, 23, 0, tzinfo=BERLIN)
MITTWOCH = datetime.datetime(2026, 12, 9, 7, 0, tzinfo=BERLIN)
NAME, GEHEIM, EMAIL = "Ayşe Yılmaz", "Mein Aufenthaltstitel läuft bald ab.", "ayse@example.org"


def changelist(client, **params) -> str:
    return client.get(reverse("admin:anfragen_anfrage_changelist"), params).content.decode()


@pytest.fixture
def lage():
    """Three requests of Thursday: one nobody has taken, one the berater's, one a colleague's."""
    berater, kollegin = make_berater(), make_berater("kollegin")
    with time_machine.travel(DONNERSTAG, tick=False):
        niemand = make_anfrage(name=NAME, nachricht=GEHEIM, email=EMAIL)
        meine = make_anfrage(name=NAME, nachricht=GEHEIM, email=EMAIL)
        fremde = make_anfrage(name=NAME, nachricht=GEHEIM, email=EMAIL)
    Anfrage.objects.filter(pk=meine.pk).update(zugewiesen_an=berater)
    Anfrage.objects.filter(pk=fremde.pk).update(zugewiesen_an=kollegin)
    mail.outbox.clear()
    return {"berater": berater, "kollegin": kollegin, "niemand": niemand, "meine": meine, "fremde": fremde}


def test_overdue_once_the_target_day_is_over(client, lage):
    client.force_login(lage["berater"])
    with time_machine.travel(DIENSTAG_ABEND, tick=False):
        assert not Anfrage.objects.overdue().exists()
        assert "überfällig seit" not in changelist(client)
    with time_machine.travel(MITTWOCH, tick=False):
        frisch = make_anfrage()
        assert set(Anfrage.objects.overdue()) == {lage["niemand"], lage["meine"], lage["fremde"]}
        assert Anfrage.objects.get(pk=lage["meine"].pk).ueberfaellig and not frisch.ueberfaellig
        page = changelist(client)
        assert page.count("überfällig seit 08.12.2026") == 3
        page = changelist(client, frist="ueberfaellig")
        assert lage["meine"].referenz in page and frisch.referenz not in page
        detail = client.get(reverse("admin:anfragen_anfrage_change", args=[lage["meine"].pk])).content.decode()
        assert "Überfällig:" in detail and "Die erste Antwort war bis 8. Dezember 2026 fällig." in detail
        fresh_detail = client.get(reverse("admin:anfragen_anfrage_change", args=[frisch.pk])).content.decode()
        assert "Überfällig:" not in fresh_detail


def test_an_answer_or_a_status_of_answered_ends_overdue(lage):
    with time_machine.travel(MITTWOCH, tick=False):
        antwort_send(anfrage=lage["meine"], text="Antwort", user=lage["berater"], stand=timezone.now())
        Anfrage.objects.filter(pk=lage["fremde"].pk).update(status=Anfrage.Status.ERLEDIGT)
        assert list(Anfrage.objects.overdue()) == [lage["niemand"]]
        assert list(Anfrage.objects.awaiting_first_answer()) == [lage["niemand"]]


def test_the_daily_reminder_lists_my_overdue_and_the_unassigned_by_number_and_link_only(lage, settings):
    settings.SITE_URL = "https://portal.example.org"
    make_staff("ohne-adresse", "Beratung")  # gets nothing: no address
    with time_machine.travel(MITTWOCH, tick=False):
        neu = make_anfrage(name=NAME, nachricht=GEHEIM, email=EMAIL)  # unassigned, not yet overdue
        mail.outbox.clear()
        out = StringIO()
        call_command("send_reminders", stdout=out)
    post = {tuple(m.to): m for m in mail.outbox}
    assert set(post) == {("berater@example.org",), ("kollegin@example.org",)}
    mine = post[("berater@example.org",)]
    body = mine.subject + mine.body
    for anfrage in (lage["meine"], lage["niemand"], neu):
        assert anfrage.referenz in body
        assert f"https://portal.example.org/admin/anfragen/anfrage/{anfrage.pk}/change/" in body
    assert lage["fremde"].referenz not in body  # a colleague's overdue request is theirs to be reminded of
    assert lage["fremde"].referenz in post[("kollegin@example.org",)].body
    assert "1 überfällig, 2 niemandem zugewiesen" in mine.subject
    for private in (NAME, "Ayşe", GEHEIM, EMAIL, lage["meine"].themenbereich.name):
        for message in mail.outbox:
            assert private not in message.subject + message.body
    assert "2 Erinnerungen werden gesendet." in out.getvalue()


def test_no_reminder_with_nothing_to_remind_of():
    make_berater()
    with time_machine.travel(MITTWOCH, tick=False):
        call_command("send_reminders", stdout=StringIO())
    assert mail.outbox == []


def test_no_reminders_on_public_holidays_or_weekends(lage):
    for tag in (
        datetime.datetime(2026, 12, 25, 7, 0, tzinfo=BERLIN),
        datetime.datetime(2026, 12, 12, 7, 0, tzinfo=BERLIN),
    ):
        with time_machine.travel(tag, tick=False):
            out = StringIO()
            call_command("send_reminders", stdout=out)
        assert mail.outbox == [] and "kein Arbeitstag" in out.getvalue()


def test_dry_run_sends_nothing(lage):
    with time_machine.travel(MITTWOCH, tick=False):
        out = StringIO()
        call_command("send_reminders", "--dry-run", stdout=out)
    assert mail.outbox == []
    assert "berater: 1 überfällig, 1 niemandem zugewiesen" in out.getvalue()


def test_the_beratung_start_page_counts_and_links_to_the_lists(client, lage):
    berater = lage["berater"]
    with time_machine.travel(MITTWOCH, tick=False):
        erledigt = make_anfrage()
        Anfrage.objects.filter(pk=erledigt.pk).update(status=Anfrage.Status.ERLEDIGT)
        in_arbeit = make_anfrage()
        Anfrage.objects.filter(pk=in_arbeit.pk).update(status=Anfrage.Status.IN_BEARBEITUNG, zugewiesen_an=berater)
        client.force_login(berater)
        page = client.get(reverse("admin:index")).content.decode()
        liste = reverse("admin:anfragen_anfrage_changelist")
        erwartet = {
            "status__exact=neu": ("Neu: 3", {"niemand", "meine", "fremde"}),
            "ansicht=meine": ("Meine offenen: 2", {"meine", "in_arbeit"}),
            "frist=ueberfaellig": ("Überfällig: 3", {"niemand", "meine", "fremde"}),
            "ansicht=niemand": ("Niemandem zugewiesen: 1", {"niemand"}),
        }
        alle = {
            **{k: v for k, v in lage.items() if isinstance(v, Anfrage)},
            "in_arbeit": in_arbeit,
            "erledigt": erledigt,
        }
        for query, (text, gelistet) in erwartet.items():
            url = f"{liste}?{query}"
            assert f'<a href="{url.replace("&", "&amp;")}">{text}</a>' in page, text
            inhalt = client.get(url).content.decode()
            for name, anfrage in alle.items():
                assert (anfrage.referenz in inhalt) is (name in gelistet), (query, name)


def test_only_beratung_and_superusers_see_the_request_counts(client):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    assert "Meine offenen" not in client.get(reverse("admin:index")).content.decode()
    client.force_login(User.objects.create_superuser("chefin", password="Sicheres-Passwort-123"))
    assert "Meine offenen: 0" in client.get(reverse("admin:index")).content.decode()
