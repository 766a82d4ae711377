"""Privacy by design: nothing kept longer than needed, addresses for superusers' eyes only, the privacy page says so."""

import datetime
import re

import pytest
import time_machine
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from benachrichtigungen.models import Abonnement, Anmeldung, Zustellung
from benachrichtigungen.services import anmeldung_create
from integrationsrat.page_cache import NEVER_CACHED
from seiten.models import Seite
from tests.benachrichtigungen.conftest import URL, valid_form
from tests.factories import make_abonnement, make_staff, make_veranstaltung

pytestmark = pytest.mark.django_db


def sign_up(email: str) -> Anmeldung:
    return anmeldung_create(email=email, themen=[], alle_themen=True, sprache="de", termine=True, meldungen=True)


def test_unconfirmed_sign_ups_are_purged_after_seven_days(capsys):
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=7, minutes=5)):
        sign_up("alt@example.org")
    with time_machine.travel(now - datetime.timedelta(days=6)):
        sign_up("neu@example.org")
    make_abonnement(email="bestaetigt@example.org", bestaetigt_am=now - datetime.timedelta(days=30))
    call_command("purge_subscriptions", "--dry-run")
    assert "1 unbestätigte Anmeldungen würden gelöscht" in capsys.readouterr().out
    assert Anmeldung.objects.count() == 2
    call_command("purge_subscriptions")
    assert list(Anmeldung.objects.values_list("email", flat=True)) == ["neu@example.org"]
    assert Abonnement.objects.filter(email="bestaetigt@example.org").exists()


def test_only_superusers_see_subscriber_addresses(client):
    make_abonnement(email="geheim@example.org")
    sign_up("auch-geheim@example.org")
    for group in ("Redaktion", "Beratung"):
        client.force_login(make_staff(f"mitarbeiterin-{group}", group))
        for model in ("abonnement", "anmeldung"):
            assert client.get(reverse(f"admin:benachrichtigungen_{model}_changelist")).status_code == 403
        index = client.get(reverse("admin:index")).content.decode()
        assert "geheim@example.org" not in index and "/admin/benachrichtigungen/" not in index
    superuser = make_staff("chefin")
    superuser.is_superuser = True
    superuser.save()
    client.force_login(superuser)
    abonnements = client.get(reverse("admin:benachrichtigungen_abonnement_changelist")).content.decode()
    anmeldungen = client.get(reverse("admin:benachrichtigungen_anmeldung_changelist")).content.decode()
    assert "geheim@example.org" in abonnements and "auch-geheim@example.org" in anmeldungen
    # Nobody adds an address by hand: consent comes from the form and the mailbox.
    assert client.get(reverse("admin:benachrichtigungen_abonnement_add")).status_code == 403


def test_the_redaktion_sees_counts_only(client):
    make_abonnement(email="geheim@example.org")
    make_abonnement()
    sign_up("auch-geheim@example.org")
    client.force_login(make_staff("redakteurin", "Redaktion"))
    page = client.get(reverse("admin:index")).content.decode()
    assert "Bestätigte Abonnements: 2. Unbestätigte Anmeldungen: 1" in page
    assert "@example.org" not in page


def test_the_pages_behind_a_link_are_never_cached(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    abonnement = make_abonnement()
    anmeldung = sign_up("neu@example.org")
    for url in (abonnement.get_unsubscribe_url(), anmeldung.get_confirm_url()):
        assert NEVER_CACHED.match(url) and NEVER_CACHED.match("/ar" + url)
        response = client.get(url)
        assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]
    from django.core.cache import cache

    assert not [key for key in cache._cache if "benachrichtigungen/" in key]  # LocMemCache's own keys


def test_staff_deleting_an_announced_item_never_see_who_was_mailed(client, django_capture_on_commit_callbacks):
    make_abonnement(email="geheim@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        veranstaltung = make_veranstaltung(titel="Angekündigter Termin")
    assert Zustellung.objects.filter(abonnement__email="geheim@example.org").exists()
    client.force_login(make_staff("redakteurin", "Redaktion"))
    page = client.get(reverse("admin:veranstaltungen_veranstaltung_delete", args=[veranstaltung.pk]))
    assert page.status_code == 200 and "Angekündigter Termin" in page.content.decode()
    assert "geheim@example.org" not in page.content.decode()


def test_the_cached_form_page_gets_fresh_tokens_per_visit_and_works(client, settings):
    settings.PAGE_CACHE_SECONDS = 300
    first, second = client.get(URL).content.decode(), client.get(URL).content.decode()
    tokens = [re.search(r'name="gestartet" value="([^"]+)"', page).group(1) for page in (first, second)]
    assert "__START_TOKEN__" not in tokens and tokens[0] != tokens[1]
    assert "__CSRF_TOKEN__" not in second
    assert client.post(URL, valid_form(gestartet=tokens[1])).status_code == 302


def test_the_privacy_page_describes_the_alerts_and_every_page_links_them(client):
    Seite.objects.create(schluessel=Seite.Schluessel.DATENSCHUTZ, titel="Datenschutzerklärung")
    page = client.get(reverse("seiten:datenschutz")).content.decode()
    assert "Was bei E-Mail-Benachrichtigungen gilt" in page
    assert "Unbestätigte Adressen löschen wir nach 7 Tagen" in page
    assert f'href="{URL}"' in page
    assert f'href="{URL}">E-Mail-Benachrichtigungen</a>' in client.get("/").content.decode()
    assert f'href="/en{URL}"' in client.get("/en/").content.decode()
