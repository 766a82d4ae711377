"""Site-wide behaviour: start page, fixed pages, error pages, sitemap, settings, migrations."""

import subprocess
import sys

import pytest
from django.core.management import call_command
from django.test import override_settings
from django.urls import reverse

from seiten.models import Seite
from seiten.urls import PATHS
from tests.factories import make_staff, make_thema, make_veranstaltung

pytestmark = pytest.mark.django_db


def test_start_page_answers_what_when_and_how_to_get_help(client):
    make_thema(titel="Fest der Kulturen")
    make_veranstaltung(titel="Nächste Sitzung")
    page = client.get(reverse("start")).content.decode()
    assert "<h1" in page and page.count("<h1") == 1
    assert "Fest der Kulturen" in page and "Nächste Sitzung" in page
    assert reverse("anfragen:formular") in page


@pytest.mark.parametrize("key", [key.value for key in PATHS])
def test_fixed_pages_show_staff_text_or_404(client, key):
    assert client.get(reverse(f"seiten:{key}")).status_code == 404
    seite = Seite.objects.create(
        schluessel=key, titel="Titel <b>fett</b>", einleitung="<p>Absatz eins</p><p>Absatz zwei</p>"
    )
    page = client.get(reverse(f"seiten:{key}")).content.decode()
    assert "Titel &lt;b&gt;fett&lt;/b&gt;" in page
    assert "<p>Absatz eins</p>" in page and "<p>Absatz zwei</p>" in page
    seite.veroeffentlicht = False
    seite.save()
    assert client.get(reverse(f"seiten:{key}")).status_code == 404


def test_every_page_links_to_the_request_form_and_legal_pages(client):
    make_thema(slug="ein-thema")
    for url in [reverse("start"), reverse("themen:list"), reverse("themen:detail", args=["ein-thema"])]:
        page = client.get(url).content.decode()
        for target in ("anfragen:formular", "seiten:impressum", "seiten:datenschutz", "seiten:barrierefreiheit"):
            assert reverse(target) in page, (url, target)


def test_404_page_is_in_the_site_design(client):
    response = client.get("/gibt-es-nicht/")
    assert response.status_code == 404
    assert "Diese Seite gibt es nicht" in response.content.decode()


def test_500_page_is_in_the_site_design(client, settings):
    client.raise_request_exception = False
    with override_settings(ROOT_URLCONF="tests.integrationsrat.failing_urls"):
        response = client.get("/kaputt/")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Das hat leider nicht geklappt" in page and "Traceback" not in page


@pytest.mark.parametrize("url", [reverse("themen:list"), reverse("sitemap")])
def test_drafts_stay_out_of_the_topic_list_and_the_sitemap(client, url):
    make_thema(slug="offen", titel="Öffentlich")
    make_thema(slug="entwurf", titel="Entwurf", veroeffentlicht=False)
    page = client.get(url).content.decode()
    assert "/themen/offen/" in page and "/themen/entwurf/" not in page and "Entwurf" not in page


def test_no_third_party_hosts_in_pages(client):
    make_veranstaltung()
    page = client.get(reverse("start")).content.decode()
    for marker in ("cdn.", "googleapis", "jsdelivr", "unpkg", "cloudflare"):
        assert marker not in page


@pytest.mark.parametrize("entry", ["integrationsrat.wsgi", "integrationsrat.asgi"])
def test_app_servers_refuse_to_start_without_secret_key(entry):
    result = subprocess.run(
        [sys.executable, "-c", f"import {entry}"], env={"PATH": ""}, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_management_commands_run_on_a_bare_checkout():
    result = subprocess.run(
        [sys.executable, "manage.py", "makemigrations", "--check", "--dry-run"],
        env={"PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr


def test_models_and_migrations_agree():
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)


def test_static_files_build_for_production(tmp_path, settings):
    settings.STATIC_ROOT = tmp_path
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
    }
    call_command("collectstatic", "--noinput", verbosity=0)
    assert list(tmp_path.glob("css/site.*.css.gz"))
    assert list(tmp_path.glob("bootstrap/css/bootstrap.rtl.min.*.css"))


def test_staff_preview_link_in_admin_list(client):
    make_thema(titel="Entwurf", slug="entwurf", veroeffentlicht=False)
    client.force_login(make_staff("redakteurin", "Redaktion"))
    page = client.get(reverse("admin:themen_thema_changelist")).content.decode()
    assert 'href="/themen/entwurf/"' in page and "Vorschau" in page


def test_uploads_go_to_object_storage_when_configured():
    """App servers keep no files of their own once DJANGO_S3_BUCKET is set."""
    code = (
        "import django; django.setup(); from django.core.files.storage import default_storage as s; "
        "s._setup(); print(type(s._wrapped).__name__, s.url('bilder/a.jpg'))"
    )
    env = {
        "PATH": "",
        "DJANGO_SETTINGS_MODULE": "integrationsrat.settings",
        "DJANGO_SECRET_KEY": "x",
        "DJANGO_S3_BUCKET": "integrationsrat-medien",
        "DJANGO_S3_ENDPOINT_URL": "https://s3.example.eu",
    }
    result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["S3Storage", "https://s3.example.eu/integrationsrat-medien/bilder/a.jpg"]
