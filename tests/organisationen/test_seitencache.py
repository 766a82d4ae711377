"""A stranger's proposal changes no page: the page cache must not be emptied by sending forms."""

import pytest
from django.core.cache import cache

from integrationsrat.cache import VERSION_KEY
from organisationen.models import Angebot, Sprache
from organisationen.services import organisation_propose, organisation_publish
from tests.factories import make_staff

pytestmark = pytest.mark.django_db


def test_a_proposal_keeps_the_content_version_and_publishing_renews_it(django_capture_on_commit_callbacks):
    cache.set(VERSION_KEY, "vorher", timeout=None)
    with django_capture_on_commit_callbacks(execute=True):
        organisation = organisation_propose(
            name="Verein (Beispiel)",
            kurzbeschreibung="Wir treffen uns.",
            sprachen=Sprache.objects.filter(code="ar"),
            angebote=Angebot.objects.all()[:1],
            ansprechperson_name="Ada",
            ansprechperson_email="ada@example.org",
        )
    assert cache.get(VERSION_KEY) == "vorher"
    with django_capture_on_commit_callbacks(execute=True):
        organisation_publish(organisation=organisation, user=make_staff("redakteur", "Redaktion"))
    assert cache.get(VERSION_KEY) != "vorher"


def test_publishing_with_the_checkbox_counts_as_checked_and_confirmed(client):
    import datetime

    from django.urls import reverse
    from django.utils import timezone

    from tests.factories import make_organisation

    vorschlag = make_organisation(
        veroeffentlicht=False,
        geprueft_am=None,
        eingereicht_am=timezone.now(),
        zuletzt_bestaetigt=timezone.localdate() - datetime.timedelta(days=40),
    )
    redakteur = make_staff("redakteur", "Redaktion")
    client.force_login(redakteur)
    url = reverse("admin:organisationen_organisation_change", args=[vorschlag.pk])
    form = client.get(url).context["adminform"].form
    daten = {
        name: value
        for name, value in form.initial.items()
        if isinstance(value, (str, int, datetime.date)) and not isinstance(value, bool)
    }
    daten.update(
        veroeffentlicht="on",
        sprachen=[s.pk for s in vorschlag.sprachen.all()],
        angebote=[a.pk for a in vorschlag.angebote.all()],
        themen=[],
    )
    response = client.post(url, daten)
    assert response.status_code == 302, response.context["adminform"].form.errors
    vorschlag.refresh_from_db()
    assert vorschlag.geprueft_von == redakteur and vorschlag.zuletzt_bestaetigt == timezone.localdate()
