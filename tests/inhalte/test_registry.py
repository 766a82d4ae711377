"""The shared bases register what every public model needs: a new model cannot forget the page cache or its images."""

from pathlib import Path
from unittest import mock

import pytest
from django.apps import apps
from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import m2m_changed, post_delete, post_save

from inhalte.models import (
    OeffentlicherInhalt,
    Veroeffentlichbar,
    VeroeffentlichbarQuerySet,
    image_models,
    public_models,
)
from integrationsrat.cache import VERSION_KEY

# Models no public page shows. Everything else the project defines must be
# public content, so that saving it renews the page cache.
NICHT_OEFFENTLICH = {
    "anfragen.Anfrage",  # personal data: shown only to the Beratung team
    "anfragen.Notiz",
    "anfragen.Protokolleintrag",
    "anfragen.Referenzzaehler",  # counters
    "anfragen.Versuchszaehler",
    "anfragen.Antwort",  # answers to advice seekers: mailed to them, shown to the Beratung team only
    "anfragen.Textbaustein",  # snippets for answers: edited by Beratung, never on a public page
    # Anonymous figures of requests: staff see them in the admin; the annual review's one number
    # is cached with its page (kennzahlen.facts), so an answer need not renew every cached page.
    "kennzahlen.Anfragekennzahl",
    # E-mail alerts: subscribers' addresses (superusers only) and the record of what was announced to whom.
    "benachrichtigungen.Anmeldung",
    "benachrichtigungen.Abonnement",
    "benachrichtigungen.Ankuendigung",
    "benachrichtigungen.Zustellung",
    "suche.Sucheintrag",  # derived from public content on its saves; the results page is never page-cached
    "suche.Suchwort",  # the index's words, to match typos against; shown nowhere
    "teilnahmen.Teilnahme",  # registrations for events: personal data, never on a cached page
    "oparl.Loeschung",  # ids of deleted objects, read by OParl clients with `modified_since` (never page-cached)
}


def project_models():
    own = [config for config in apps.get_app_configs() if Path(config.path).parent == Path(settings.BASE_DIR)]
    return [model for config in own for model in config.get_models()]


def test_every_model_is_declared_public_content_or_known_to_be_private():
    undeclared = {
        model._meta.label
        for model in project_models()
        if not issubclass(model, OeffentlicherInhalt) and model._meta.label not in NICHT_OEFFENTLICH
    }
    assert undeclared == set(), "inherit inhalte.models.OeffentlicherInhalt, or add the model to NICHT_OEFFENTLICH"
    private = [model for model in project_models() if model._meta.label in NICHT_OEFFENTLICH]
    assert len(private) == len(NICHT_OEFFENTLICH) and not any(issubclass(m, OeffentlicherInhalt) for m in private)


def test_the_registry_finds_the_public_and_the_image_models():
    labels = {model._meta.label for model in public_models()}
    assert {"themen.Thema", "veranstaltungen.Ort", "seiten.Abschnitt", "anfragen.Themenbereich"} <= labels
    assert {model._meta.label for model in image_models()} == {
        "themen.Thema",
        "veranstaltungen.Veranstaltung",
        "gremien.Sitzung",  # a meeting is an event, image included
        "gremien.Person",
        "aktuelles.Meldung",
        "organisationen.Organisation",  # the logo
    }


def version_after(send) -> bool:
    before = cache.get(VERSION_KEY)
    send()
    return cache.get(VERSION_KEY) != before


@pytest.mark.django_db
@pytest.mark.parametrize("model", public_models(), ids=lambda model: model._meta.label)
def test_saving_or_deleting_any_public_model_renews_every_cached_page(model):
    cache.set(VERSION_KEY, "alt")
    # Sent as Django sends them (other receivers, django-reversion's, read every argument).
    saved = {"created": True, "raw": False, "using": "default", "update_fields": None}
    assert version_after(lambda: post_save.send(sender=model, instance=model(), **saved))
    assert version_after(lambda: post_delete.send(sender=model, instance=model(), using="default", origin=None))
    linked = {"action": "post_add", "using": "default", "model": model, "reverse": False, "pk_set": set()}
    for through in [field.remote_field.through for field in model._meta.local_many_to_many]:
        assert version_after(lambda t=through: m2m_changed.send(sender=t, instance=model(), **linked))


@pytest.mark.django_db
def test_saving_a_private_model_leaves_the_cached_pages_alone():
    from anfragen.models import Anfrage

    cache.set(VERSION_KEY, "alt")
    saved = {"created": True, "raw": False, "using": "default", "update_fields": None}
    assert not version_after(lambda: post_save.send(sender=Anfrage, instance=Anfrage(), **saved))


@pytest.mark.django_db
@pytest.mark.parametrize("model", image_models(), ids=lambda model: model._meta.label)
def test_deleting_any_model_with_an_image_deletes_its_files(model, django_capture_on_commit_callbacks):
    files = {"bild": "bilder/2026/foto.jpg", "bild_varianten": {"webp": [[480, "bilder/2026/foto-480.webp"]]}}
    instance = model(**files, bild_breite=800, bild_hoehe=600)  # sizes known: the file is not opened
    storage = model._meta.get_field("bild").storage
    with (
        mock.patch.object(storage, "delete") as delete,
        django_capture_on_commit_callbacks(execute=True),
    ):
        post_delete.send(sender=model, instance=instance, using="default", origin=None)
    assert sorted(call.args[0] for call in delete.call_args_list) == [
        "bilder/2026/foto-480.webp",
        "bilder/2026/foto.jpg",
    ]


def test_every_publish_flag_comes_from_the_shared_base_with_its_read_rules():
    with_flag = [model for model in project_models() if any(f.name == "veroeffentlicht" for f in model._meta.fields)]
    assert len(with_flag) >= 4
    for model in with_flag:
        assert issubclass(model, Veroeffentlichbar), model
        assert isinstance(model.objects.all(), VeroeffentlichbarQuerySet), model
