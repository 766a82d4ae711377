"""Sending: after publishing only, once per item and address, to those who asked, in their language, never lost."""

import concurrent.futures
import datetime
import importlib
import smtplib
import threading
import time

import pytest
import time_machine
from django.apps import apps
from django.conf import settings
from django.core.mail.backends.base import BaseEmailBackend
from django.core.mail.backends.locmem import EmailBackend
from django.core.management import call_command
from django.db import connection
from django.utils import timezone

from benachrichtigungen import tasks
from benachrichtigungen.models import MAX_ABLEHNUNGEN, Ankuendigung, Zustellung
from tests.factories import make_abonnement, make_meldung, make_sitzung, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


@pytest.fixture
def publish(django_capture_on_commit_callbacks):
    """Run `make` as staff saving it would: the alerts start once the transaction commits."""

    def run(make, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return make(*args, **kwargs)

    return run


def recipients(mailoutbox) -> list[str]:
    return sorted(address for mail in mailoutbox for address in mail.to)


def test_a_draft_sends_nothing_and_publishing_it_sends_once(publish, mailoutbox):
    make_abonnement(email="a@example.org")
    entwurf = publish(make_veranstaltung, veroeffentlicht=False)
    assert mailoutbox == [] and not Ankuendigung.objects.exists()
    entwurf.titel = "Noch ein Entwurf"
    publish(entwurf.save)
    assert mailoutbox == []
    entwurf.veroeffentlicht = True
    publish(entwurf.save)
    assert recipients(mailoutbox) == ["a@example.org"]
    # Saved again, taken down and published again: never a second mail.
    entwurf.titel = "Korrigiert"
    publish(entwurf.save)
    entwurf.veroeffentlicht = False
    publish(entwurf.save)
    entwurf.veroeffentlicht = True
    publish(entwurf.save)
    call_command("send_alerts", verbosity=0)
    assert len(mailoutbox) == 1


def test_topic_filter(publish, mailoutbox):
    wohnen, fest = make_thema(), make_thema()
    make_abonnement(email="alle@example.org")
    make_abonnement(email="wohnen@example.org", themen=[wohnen])
    make_abonnement(email="fest@example.org", themen=[fest])
    make_abonnement(email="wohnen-fest@example.org", themen=[wohnen, fest])
    make_abonnement(email="nur-meldungen@example.org", termine=False)
    make_abonnement(email="nur-termine@example.org", meldungen=False)

    publish(make_veranstaltung, thema=wohnen)
    assert recipients(mailoutbox) == [
        "alle@example.org",
        "nur-termine@example.org",
        "wohnen-fest@example.org",
        "wohnen@example.org",
    ]
    mailoutbox.clear()
    publish(make_veranstaltung, thema=None)  # without a topic: only to "all topics"
    assert recipients(mailoutbox) == ["alle@example.org", "nur-termine@example.org"]
    mailoutbox.clear()
    publish(make_meldung, themen=[wohnen, fest])  # topics are linked after the save: read once committed
    assert recipients(mailoutbox) == [
        "alle@example.org",
        "fest@example.org",
        "nur-meldungen@example.org",
        "wohnen-fest@example.org",
        "wohnen@example.org",
    ]


def test_a_meeting_counts_as_an_event(publish, mailoutbox):
    make_abonnement(email="a@example.org")
    sitzung = publish(make_sitzung, titel="Sitzung des Integrationsrats")
    assert recipients(mailoutbox) == ["a@example.org"]
    assert "Sitzung des Integrationsrats" in mailoutbox[0].subject
    assert settings.SITE_URL + sitzung.get_absolute_url() in mailoutbox[0].body


def test_past_and_cancelled_events_are_not_announced(publish, mailoutbox):
    make_abonnement()
    publish(make_veranstaltung, tage=-3)
    publish(make_veranstaltung, abgesagt=True)
    call_command("send_alerts", verbosity=0)
    assert mailoutbox == []


def test_the_mail_is_in_the_subscribers_language_with_german_as_fallback(publish, mailoutbox):
    make_abonnement(email="tr@example.org", sprache="tr")
    make_abonnement(email="en@example.org", sprache="en")
    veranstaltung = publish(
        make_veranstaltung,
        titel="Sprechstunde",
        titel_tr="Danışma saati",
        kurztext="Wir beraten Sie.",
        kurztext_tr="Size danışmanlık yapıyoruz.",
        datum=datetime.date(2031, 11, 14),
    )
    mails = {mail.to[0]: mail for mail in mailoutbox}
    turkish, english = mails["tr@example.org"], mails["en@example.org"]
    assert "Danışma saati" in turkish.subject and "Size danışmanlık yapıyoruz." in turkish.body
    assert "14 Kasım 2031" in turkish.body
    assert f"{settings.SITE_URL}/tr/veranstaltungen/2031/{veranstaltung.slug}/" in turkish.body
    assert f"{settings.SITE_URL}/tr/benachrichtigungen/abmelden/" in turkish.message()["List-Unsubscribe"]
    # No English text yet: the German one, in an English mail.
    assert "Sprechstunde" in english.subject and "Wir beraten Sie." in english.body
    assert "Nov. 14, 2031" in english.body
    assert f"{settings.SITE_URL}/en/veranstaltungen/2031/" in english.body


def test_a_failing_mail_server_delays_and_a_retry_sends_each_mail_once(
    publish, mailoutbox, settings, broken_mail_server, caplog
):
    for n in range(3):
        make_abonnement(email=f"p{n}@example.org")
    publish(make_veranstaltung)
    assert mailoutbox == []
    assert Zustellung.objects.pending().count() == 3
    assert "Sending alerts failed" in caplog.text
    # The server is back: the next send_alerts (every 10 minutes) sends each mail once.
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("send_alerts", verbosity=0)
    call_command("send_alerts", verbosity=0)
    assert recipients(mailoutbox) == ["p0@example.org", "p1@example.org", "p2@example.org"]
    assert not Zustellung.objects.pending().exists()


class RefusesOneAddress(EmailBackend):
    def send_messages(self, messages):
        if messages[0].to == ["kaputt@example.org"]:
            raise smtplib.SMTPRecipientsRefused({"kaputt@example.org": (550, b"no such user")})
        return super().send_messages(messages)


class RejectsOneMessage(EmailBackend):
    """A server that takes the address but rejects the message for good (554 after DATA)."""

    def send_messages(self, messages):
        if messages[0].to == ["kaputt@example.org"]:
            raise smtplib.SMTPDataError(554, b"5.7.1 message rejected")
        return super().send_messages(messages)


class TemporarilyBusy(EmailBackend):
    def send_messages(self, messages):
        raise smtplib.SMTPDataError(451, b"4.3.0 try again later")


@pytest.mark.parametrize("server", ["RefusesOneAddress", "RejectsOneMessage"])
def test_a_refused_address_does_not_hold_up_the_others(publish, mailoutbox, settings, server):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.{server}"}}
    make_abonnement(email="kaputt@example.org")
    make_abonnement(email="gut@example.org")
    publish(make_veranstaltung)
    assert recipients(mailoutbox) == ["gut@example.org"]
    for _ in range(MAX_ABLEHNUNGEN + 2):
        call_command("send_alerts", verbosity=0)
    refused = Zustellung.objects.get(abonnement__email="kaputt@example.org")
    assert refused.ablehnungen == MAX_ABLEHNUNGEN and refused.gesendet_am is None
    assert not Zustellung.objects.pending().exists()


def test_many_subscribers_are_sent_in_batches(publish, mailoutbox, monkeypatch):
    monkeypatch.setattr(tasks, "BATCH", 2)
    for n in range(5):
        make_abonnement(email=f"p{n}@example.org")
    publish(make_veranstaltung)
    assert len(mailoutbox) == 5 and len(set(recipients(mailoutbox))) == 5


def test_an_item_scheduled_to_appear_is_announced_when_it_appears(publish, mailoutbox):
    make_abonnement(email="a@example.org")
    now = timezone.now()
    publish(make_veranstaltung, tage=10, veroeffentlichen_ab=now + datetime.timedelta(hours=2))
    publish(make_meldung, veroeffentlichen_ab=now + datetime.timedelta(hours=2))
    call_command("send_alerts", verbosity=0)
    assert mailoutbox == []
    with time_machine.travel(now + datetime.timedelta(hours=2, minutes=5)):
        call_command("send_alerts", "--dry-run", verbosity=0)
        assert mailoutbox == []
        call_command("send_alerts", verbosity=0)
        call_command("send_alerts", verbosity=0)
    assert len(mailoutbox) == 2


def test_items_published_before_the_alerts_existed_are_never_announced(publish, mailoutbox):
    # Saved outside a committed transaction, as when the migration runs on existing data.
    frueher = [make_veranstaltung(), make_meldung(), make_sitzung()]
    geplant = make_veranstaltung(veroeffentlichen_ab=timezone.now() + datetime.timedelta(hours=1))
    migration = importlib.import_module("benachrichtigungen.migrations.0002_bestehende_inhalte")
    migration.mark_published(apps, None)
    make_abonnement(email="a@example.org")
    call_command("send_alerts", verbosity=0)
    assert mailoutbox == []
    assert Ankuendigung.objects.filter(ohne_versand=True).count() == len(frueher)
    with time_machine.travel(timezone.now() + datetime.timedelta(hours=2)):
        call_command("send_alerts", verbosity=0)
    assert len(mailoutbox) == 1 and geplant.titel in mailoutbox[0].subject


class SlowMailServer(BaseEmailBackend):
    """Takes a moment per mail, so that two runs overlap; remembers every address it took."""

    taken: list[str] = []

    def send_messages(self, messages):
        time.sleep(0.01)
        self.taken.extend(address for message in messages for address in message.to)
        return len(messages)


def test_two_runs_at_once_send_each_mail_once(postgresql_only, transactional_db, settings):
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}  # only queued
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.SlowMailServer"}}
    SlowMailServer.taken = []
    for n in range(30):
        make_abonnement(email=f"p{n}@example.org")
    make_veranstaltung()
    assert Zustellung.objects.pending().count() == 30
    barrier = threading.Barrier(2)

    def run():
        try:
            barrier.wait(timeout=30)
            tasks.zustellungen_send.call()
        finally:
            connection.close()  # each thread has its own connection

    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        for future in [pool.submit(run) for _ in range(2)]:
            future.result(timeout=60)
    assert sorted(SlowMailServer.taken) == sorted(f"p{n}@example.org" for n in range(30))
    assert not Zustellung.objects.pending().exists()


def test_an_item_taken_down_before_its_mail_went_out_is_not_mailed(publish, mailoutbox, settings, broken_mail_server):
    make_abonnement(email="a@example.org")
    veranstaltung = publish(make_veranstaltung)
    assert Zustellung.objects.pending().count() == 1
    veranstaltung.veroeffentlicht = False
    publish(veranstaltung.save)
    settings.MAILERS = {"default": {"BACKEND": "django.core.mail.backends.locmem.EmailBackend"}}
    call_command("send_alerts", verbosity=0)
    assert mailoutbox == [] and not Zustellung.objects.exists()


def test_a_temporary_refusal_keeps_every_mail_pending(publish, settings):
    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.TemporarilyBusy"}}
    make_abonnement(email="eins@example.org")
    make_abonnement(email="zwei@example.org")
    publish(make_veranstaltung)
    assert Zustellung.objects.pending().count() == 2
    assert not Zustellung.objects.filter(ablehnungen__gt=0).exists()  # the server's trouble, not theirs


def test_a_refused_confirmation_mail_deletes_the_sign_up_and_logs_no_address(settings, caplog, client):
    from benachrichtigungen.models import Anmeldung
    from benachrichtigungen.services import anmeldung_create

    settings.MAILERS = {"default": {"BACKEND": f"{__name__}.RefusesOneAddress"}}
    anmeldung = anmeldung_create(
        email="kaputt@example.org", themen=[], alle_themen=True, sprache="de", termine=True, meldungen=True
    )
    tasks.bestaetigung_send.call(anmeldung.pk)
    assert not Anmeldung.objects.exists()
    assert "kaputt@example.org" not in caplog.text and f"sign-up {anmeldung.pk}" in caplog.text
