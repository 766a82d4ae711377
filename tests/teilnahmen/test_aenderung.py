"""A new date, time or place is news for everyone registered: they get a mail in their language, once per change."""

import datetime

import pytest
from django.core import mail
from django.utils import translation
from django.utils.translation import gettext

from teilnahmen.services import teilnahme_create
from tests.factories import make_ort, make_veranstaltung

pytestmark = pytest.mark.django_db


@pytest.fixture
def angemeldet(django_capture_on_commit_callbacks):
    event = make_veranstaltung(titel="Workshop", anmeldung=True, plaetze=1)
    with django_capture_on_commit_callbacks(execute=True):
        teilnahme_create(veranstaltung_id=event.pk, name="Ada", email="ada@example.org", sprache="tr")
        teilnahme_create(veranstaltung_id=event.pk, name="Bo", email="bo@example.org", sprache="de")  # waits
    mail.outbox.clear()
    return event


@pytest.mark.parametrize(
    "aendern",
    [
        lambda v: setattr(v, "datum", v.datum + datetime.timedelta(days=1)),
        lambda v: setattr(v, "beginn", datetime.time(19, 30)),
        lambda v: setattr(v, "ort", make_ort(name="Rathaus")),
    ],
    ids=["datum", "beginn", "ort"],
)
def test_a_new_date_time_or_place_mails_everyone_registered(angemeldet, aendern, django_capture_on_commit_callbacks):
    aendern(angemeldet)
    with django_capture_on_commit_callbacks(execute=True):
        angemeldet.save()
    assert sorted(m.to[0] for m in mail.outbox) == ["ada@example.org", "bo@example.org"]
    with translation.override("tr"):
        turkish = gettext("Geändert: %(titel)s") % {"titel": "Workshop"}
    assert {m.to[0]: m.subject for m in mail.outbox}["ada@example.org"] == turkish != "Geändert: Workshop"
    assert all("/anmeldung/" in m.body for m in mail.outbox)
    with django_capture_on_commit_callbacks(execute=True):
        angemeldet.save()  # saved again unchanged: no second mail
    assert len(mail.outbox) == 2


def test_other_changes_mail_nobody(angemeldet, django_capture_on_commit_callbacks):
    angemeldet.kurztext = "Ein anderer Satz"
    with django_capture_on_commit_callbacks(execute=True):
        angemeldet.save()
    assert mail.outbox == []
