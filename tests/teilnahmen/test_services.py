"""Places, the waiting list and the mails around them: counted in people, handed out strictly in order."""

import datetime
import io

import pytest
import time_machine
from django.conf import settings
from django.core.management import call_command
from django.utils import timezone, translation
from django.utils.translation import gettext

from teilnahmen.models import Teilnahme
from teilnahmen.services import (
    AnmeldungGeschlossen,
    freie_plaetze,
    teilnahme_cancel,
    teilnahme_create,
    warteliste_advance,
)
from tests.factories import make_teilnahme, make_veranstaltung

pytestmark = pytest.mark.django_db

BESTAETIGT, WARTELISTE = Teilnahme.Status.BESTAETIGT, Teilnahme.Status.WARTELISTE


def event(**kwargs):
    return make_veranstaltung(**{"anmeldung": True, "plaetze": 10, **kwargs})


def reloaded(*teilnahmen) -> list[Teilnahme]:
    for teilnahme in teilnahmen:
        teilnahme.refresh_from_db()
    return list(teilnahmen)


def statuses(*teilnahmen) -> list[str]:
    return [t.status for t in reloaded(*teilnahmen)]


def mails_to(outbox, teilnahme) -> list:
    return [mail for mail in outbox if mail.to == [teilnahme.email]]


def link_of(teilnahme, sprache: str = "de") -> str:
    prefix = "" if sprache == "de" else f"/{sprache}"
    return f"{settings.SITE_URL}{prefix}/anmeldung/{teilnahme.token}/"


def test_places_are_counted_in_people_companions_included():
    v = event(plaetze=5, begleitpersonen_max=3)
    gruppe = make_teilnahme(v, begleitpersonen=2)
    assert gruppe.status == BESTAETIGT and gruppe.personen == 3
    assert freie_plaetze(v) == 2
    paar = make_teilnahme(v, begleitpersonen=1)
    assert paar.status == BESTAETIGT and freie_plaetze(v) == 0
    assert make_teilnahme(v).status == WARTELISTE
    assert Teilnahme.objects.for_event(v).confirmed().persons() == 5


def test_more_companions_than_allowed_are_cut_to_the_maximum():
    v = event(plaetze=20, begleitpersonen_max=2)
    assert make_teilnahme(v, begleitpersonen=9).begleitpersonen == 2
    ohne = event(plaetze=20)  # begleitpersonen_max 0: nobody brings anyone
    assert make_teilnahme(ohne, begleitpersonen=3).begleitpersonen == 0


def test_a_group_that_does_not_fit_blocks_smaller_ones_behind_it():
    v = event(plaetze=4, begleitpersonen_max=3)
    erste = make_teilnahme(v, begleitpersonen=2)  # 3 of 4 places
    gruppe = make_teilnahme(v, begleitpersonen=1)  # 2 people: does not fit into the 1 left
    einzeln = make_teilnahme(v)  # would fit, but must not overtake the group
    assert statuses(erste, gruppe, einzeln) == [BESTAETIGT, WARTELISTE, WARTELISTE]
    assert [gruppe.wartelistenplatz(), einzeln.wartelistenplatz()] == [1, 2]
    assert freie_plaetze(v) == 1
    # Nothing changed, so advancing (e.g. the event saved again) moves nobody past the group either.
    assert warteliste_advance(veranstaltung_id=v.pk) == []
    assert statuses(gruppe, einzeln) == [WARTELISTE, WARTELISTE]


def test_a_cancellation_moves_the_waiting_list_up_in_order_and_mails_each_in_their_language(
    mailoutbox, django_capture_on_commit_callbacks
):
    v = event(plaetze=3, begleitpersonen_max=2)
    with django_capture_on_commit_callbacks(execute=True):
        erste = make_teilnahme(v, begleitpersonen=2)
        zweite = make_teilnahme(v, begleitpersonen=1, sprache="ar")  # waits first
        dritte = make_teilnahme(v, sprache="tr")
        vierte = make_teilnahme(v)
    assert statuses(erste, zweite, dritte, vierte) == [BESTAETIGT, WARTELISTE, WARTELISTE, WARTELISTE]
    mailoutbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        assert teilnahme_cancel(token=erste.token) == v
    assert not Teilnahme.objects.filter(pk=erste.pk).exists()
    # 3 places free: the pair (2) and the next one (1) move up, the fourth still waits, now first.
    assert statuses(zweite, dritte, vierte) == [BESTAETIGT, BESTAETIGT, WARTELISTE]
    assert zweite.nachgerueckt_am is not None and vierte.nachgerueckt_am is None
    assert vierte.wartelistenplatz() == 1
    assert [mail.to for mail in mailoutbox] == [[zweite.email], [dritte.email]]
    arabisch, tuerkisch = mailoutbox
    assert link_of(zweite, "ar") in arabisch.body and f"{settings.SITE_URL}/ar/veranstaltungen/" in arabisch.body
    assert link_of(dritte, "tr") in tuerkisch.body
    assert v.titel in arabisch.subject
    assert zweite.nachrueckung_gesendet_am is not None and vierte.nachrueckung_gesendet_am is None


def test_a_cancellation_frees_too_few_places_for_the_next_group_and_nobody_overtakes(mailoutbox):
    v = event(plaetze=3, begleitpersonen_max=2)
    einzeln = make_teilnahme(v)
    make_teilnahme(v, begleitpersonen=1)
    gruppe = make_teilnahme(v, begleitpersonen=2)  # 3 people wait first
    klein = make_teilnahme(v)
    teilnahme_cancel(token=einzeln.token)  # 1 place free: not enough for the group
    assert statuses(gruppe, klein) == [WARTELISTE, WARTELISTE]
    assert freie_plaetze(v) == 1


def test_when_the_blocking_group_cancels_the_ones_behind_it_move_up(mailoutbox, django_capture_on_commit_callbacks):
    v = event(plaetze=4, begleitpersonen_max=3)
    make_teilnahme(v, begleitpersonen=2)
    gruppe = make_teilnahme(v, begleitpersonen=1)
    einzeln = make_teilnahme(v)
    with django_capture_on_commit_callbacks(execute=True):
        teilnahme_cancel(token=gruppe.token)  # left the waiting list: the 1 place left now goes on
    assert statuses(einzeln) == [BESTAETIGT]
    assert [mail.to for mail in mailoutbox] == [[einzeln.email]]


def test_cancelling_twice_or_with_an_unknown_token_is_harmless(django_capture_on_commit_callbacks, mailoutbox):
    v = event(plaetze=1)
    erste = make_teilnahme(v)
    zweite = make_teilnahme(v)
    with django_capture_on_commit_callbacks(execute=True):
        assert teilnahme_cancel(token=erste.token) == v
        assert teilnahme_cancel(token=erste.token) is None
        assert teilnahme_cancel(token="gibt-es-nicht") is None
    assert statuses(zweite) == [BESTAETIGT]
    assert len(mails_to(mailoutbox, zweite)) == 1


def test_the_same_address_twice_makes_no_second_registration_but_sends_the_mail_again(
    mailoutbox, django_capture_on_commit_callbacks
):
    v = event(plaetze=5)
    with django_capture_on_commit_callbacks(execute=True):
        erste = make_teilnahme(v, email="anna@example.org", name="Anna")
    with django_capture_on_commit_callbacks(execute=True):
        wieder = teilnahme_create(
            veranstaltung_id=v.pk, name="Anna B.", email=" ANNA@Example.org ", sprache="en", telefon="0123"
        )
    assert wieder.pk == erste.pk
    assert Teilnahme.objects.for_event(v).count() == 1
    erste.refresh_from_db()
    assert (erste.name, erste.sprache, erste.telefon) == ("Anna", "de", "")  # nobody else can change it
    assert [mail.to for mail in mailoutbox] == [["anna@example.org"], ["anna@example.org"]]
    assert all(link_of(erste) in mail.body for mail in mailoutbox)
    # The same address for another event is a registration of its own.
    assert make_teilnahme(event(), email="anna@example.org").pk != erste.pk


@pytest.mark.parametrize(
    "closed",
    [
        {"anmeldeschluss": timezone.now() - datetime.timedelta(minutes=1)},
        {"abgesagt": True},
        {"tage": -1},
        {"tage": 0, "beginn": datetime.time(0, 0)},  # today, begun at midnight
        {"anmeldung": False},
        {"tage": -1, "anmeldeschluss": timezone.now() + datetime.timedelta(days=1)},  # a deadline after the start
    ],
    ids=["deadline-passed", "cancelled", "past", "begun", "no-registration", "past-despite-deadline"],
)
def test_registering_when_registration_is_closed_raises(closed, mailoutbox, django_capture_on_commit_callbacks):
    v = event(**closed)
    with django_capture_on_commit_callbacks(execute=True), pytest.raises(AnmeldungGeschlossen):
        make_teilnahme(v)
    assert not Teilnahme.objects.exists() and mailoutbox == []


def test_the_deadline_closes_registration_at_that_moment():
    schluss = timezone.now() + datetime.timedelta(days=1)
    v = event(anmeldeschluss=schluss)
    assert make_teilnahme(v, now=schluss - datetime.timedelta(seconds=1)).status == BESTAETIGT
    with pytest.raises(AnmeldungGeschlossen):
        make_teilnahme(v, now=schluss)


def test_more_places_move_the_waiting_list_up(mailoutbox, django_capture_on_commit_callbacks):
    v = event(plaetze=1)
    erste, zweite, dritte = make_teilnahme(v), make_teilnahme(v), make_teilnahme(v)
    mailoutbox.clear()
    v.plaetze = 2
    with django_capture_on_commit_callbacks(execute=True):
        v.save()
    assert statuses(erste, zweite, dritte) == [BESTAETIGT, BESTAETIGT, WARTELISTE]
    assert [(mail.to, "Platz ist frei" in mail.subject) for mail in mailoutbox] == [([zweite.email], True)]
    with django_capture_on_commit_callbacks(execute=True):
        v.save()  # saved again unchanged: nobody else moves, nobody is mailed twice
    assert statuses(dritte) == [WARTELISTE] and len(mailoutbox) == 1


def test_cancelling_the_event_mails_everyone_registered_once(mailoutbox, django_capture_on_commit_callbacks):
    v = event(plaetze=2)
    andere = event(plaetze=2)
    teilnahmen = [make_teilnahme(v), make_teilnahme(v), make_teilnahme(v, sprache="uk")]  # the last one waits
    make_teilnahme(andere)
    v.abgesagt = True
    with django_capture_on_commit_callbacks(execute=True):
        v.save()
    assert sorted(mail.to[0] for mail in mailoutbox) == sorted(t.email for t in teilnahmen)
    # Each in the person's language (the third in Ukrainian).
    sprache = {t.email: t.sprache for t in teilnahmen}
    assert all(mail.subject == betreff(sprache[mail.to[0]], "Abgesagt: %(titel)s", v) for mail in mailoutbox)
    assert betreff("uk", "Abgesagt: %(titel)s", v) != betreff("de", "Abgesagt: %(titel)s", v)
    assert all(t.absage_gesendet_am is not None for t in reloaded(*teilnahmen))
    with django_capture_on_commit_callbacks(execute=True):
        v.save()
        v.save()
    assert len(mailoutbox) == 3


def test_nobody_moves_up_for_a_cancelled_event(mailoutbox, django_capture_on_commit_callbacks):
    v = event(plaetze=1)
    erste, zweite = make_teilnahme(v), make_teilnahme(v)
    v.abgesagt = True
    v.save()
    mailoutbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        teilnahme_cancel(token=erste.token)
    assert statuses(zweite) == [WARTELISTE] and mailoutbox == []


def test_the_reminder_goes_once_to_confirmed_people_of_tomorrows_events(mailoutbox):
    morgen = event(tage=1, plaetze=1)
    bestaetigt, wartend = make_teilnahme(morgen, sprache="ru"), make_teilnahme(morgen)
    make_teilnahme(event(tage=2))
    abgesagt = event(tage=1)
    make_teilnahme(abgesagt)
    abgesagt.abgesagt = True
    abgesagt.save()
    mailoutbox.clear()

    ausgabe = io.StringIO()
    call_command("remind_participants", "--dry-run", stdout=ausgabe)
    assert ausgabe.getvalue().startswith("1 Erinnerungen würden gesendet") and mailoutbox == []

    call_command("remind_participants", stdout=io.StringIO())
    assert [mail.to for mail in mailoutbox] == [[bestaetigt.email]]
    assert mailoutbox[0].subject == betreff("ru", "Erinnerung: morgen %(titel)s", morgen)
    assert link_of(bestaetigt, "ru") in mailoutbox[0].body
    call_command("remind_participants", stdout=io.StringIO())
    assert len(mailoutbox) == 1
    assert reloaded(wartend)[0].erinnerung_gesendet_am is None


def betreff(sprache: str, msgid: str, veranstaltung) -> str:
    """A mail's subject as the person reads it: the German text's translation, with the event's title."""
    with translation.override(sprache):
        return gettext(msgid) % {"titel": veranstaltung.titel}


def noon(date: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(date, datetime.time(12), tzinfo=timezone.get_current_timezone())


def test_registrations_are_deleted_30_days_after_the_event_by_the_requests_retention_job():
    v = event(tage=1)
    teilnahmen = [make_teilnahme(v), make_teilnahme(v)]
    spaeter = make_teilnahme(event(tage=20))
    with time_machine.travel(noon(v.datum + datetime.timedelta(days=30))):
        call_command("purge_requests", stdout=io.StringIO())
        assert Teilnahme.objects.count() == 3
    with time_machine.travel(noon(v.datum + datetime.timedelta(days=31))):
        ausgabe = io.StringIO()
        call_command("purge_requests", stdout=ausgabe)
    assert list(Teilnahme.objects.all()) == [spaeter]
    assert "2 Anmeldungen zu Veranstaltungen gelöscht" in ausgabe.getvalue()
    assert not Teilnahme.objects.filter(pk__in=[t.pk for t in teilnahmen]).exists()


def test_the_retention_period_is_configurable_and_dry_run_deletes_nothing(settings):
    settings.TEILNAHME_RETENTION_DAYS = 5
    v = event(tage=1)
    make_teilnahme(v)
    with time_machine.travel(noon(v.datum + datetime.timedelta(days=6))):
        ausgabe = io.StringIO()
        call_command("purge_requests", "--dry-run", stdout=ausgabe)
        assert "1 Anmeldungen zu Veranstaltungen würden gelöscht" in ausgabe.getvalue()
        assert Teilnahme.objects.count() == 1
        call_command("purge_requests", stdout=io.StringIO())
    assert not Teilnahme.objects.exists()
