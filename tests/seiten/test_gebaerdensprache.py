"""The page in German Sign Language: honest while there is no video, the browser's own player once there is."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from seiten.models import MAX_VIDEO_BYTES, Gebaerdensprachvideo, validate_video
from tests.factories import (
    WEBVTT,
    make_gebaerdensprachvideo,
    make_staff,
    make_untertitel_upload,
    make_video_upload,
)

pytestmark = pytest.mark.django_db
URL = reverse("seiten:gebaerdensprache")
WEBM_HEADER = b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81\x01\x42\xf7\x81\x01\x42\xf2\x81\x04\x42\xf3\x81\x08\x42\x82\x84webm"


def test_without_a_video_the_page_says_so_and_points_to_the_contacts(client):
    page = client.get(URL).content.decode()
    assert "Im Moment gibt es noch kein Video." in page
    assert "<video" not in page
    for ziel in ("anfragen:formular", "seiten:impressum", "seiten:barriere_melden"):
        assert f'href="{reverse(ziel)}"' in page


def test_every_page_links_to_sign_language_and_leichte_sprache(client):
    for path in ("/", "/themen/", "/en/", "/ar/themen/"):
        page = client.get(path).content.decode()
        assert 'href="/leichte-sprache/" lang="de" hreflang="de">Leichte Sprache</a>' in page, path
        prefix = path[:4] if path.startswith(("/en/", "/ar/")) else "/"
        assert f'href="{prefix}gebaerdensprache/"' in page, path


def test_a_published_video_plays_in_the_browser_with_captions_and_can_be_downloaded(client):
    video = make_gebaerdensprachvideo(titel_de="Der Integrationsrat in Gebärdensprache")
    make_gebaerdensprachvideo(titel_de="Noch nicht fertig", veroeffentlicht=False)
    page = client.get(URL).content.decode()
    assert "Der Integrationsrat in Gebärdensprache" in page and "Noch nicht fertig" not in page
    player = re.search(r"<video[^>]*>.*?</video>", page, re.S).group(0)
    assert "controls" in player and 'preload="none"' in player and "autoplay" not in player
    assert f'<source src="{video.datei.url}" type="video/mp4">' in player
    assert f'<track kind="captions" src="{video.untertitel.url}" srclang="de"' in player
    assert f'href="{video.datei.url}" download' in page
    assert "MP4, 88\xa0Bytes" in page and '<time datetime="PT150S">2:30</time>' in page
    # Nothing from another host: every source is the portal's own.
    assert all(src.startswith("/media/") for src in re.findall(r'src="([^"]+)"', player))
    assert "Im Moment gibt es noch kein Video." not in page


def form(**changes) -> dict:
    return {
        "titel_de": "Willkommen",
        "kurztext_de": "",
        "datei": make_video_upload(),
        "untertitel": make_untertitel_upload(),
        "dauer": "2:30",
        "reihenfolge": "0",
        "veroeffentlicht": "on",
        **changes,
    }


def upload(client, **changes):
    return client.post(reverse("admin:seiten_gebaerdensprachvideo_add"), form(**changes))


@pytest.fixture
def redaktion(client):
    client.force_login(make_staff("redakteurin", "Redaktion"))
    return client


def field_errors(response) -> dict[str, list[str]]:
    form = response.context["adminform"].form
    return {name: [e.code for e in errors.as_data()] for name, errors in form.errors.items()}


def test_the_redaktion_uploads_a_video_with_captions(redaktion, client):
    response = upload(redaktion)
    assert response.status_code == 302, field_errors(response)
    video = Gebaerdensprachvideo.objects.get()
    assert video.groesse == len(make_video_upload().read()) and video.dauer_text == "2:30"
    assert video.datei.name.endswith("/video.mp4") and video.untertitel.read() == WEBVTT
    assert "Willkommen" in client.get(URL).content.decode()


def test_a_webm_video_is_taken_too(redaktion):
    response = upload(redaktion, datei=make_video_upload("video.webm", WEBM_HEADER + b"\x00" * 32))
    assert response.status_code == 302, field_errors(response)
    assert Gebaerdensprachvideo.objects.get().mime_type == "video/webm"


MP4_IN_WEBM_NAME = b"\x00\x00\x00\x18ftypmp42" + b"\x00" * 40


@pytest.mark.parametrize(
    ("field", "name", "content", "code"),
    [
        ("datei", "video.mp4", b"Das ist nur Text, kein Video.\n" * 4, "not_a_video"),
        ("datei", "video.webm", MP4_IN_WEBM_NAME, "not_a_video"),
        # ISO media files that are no MP4 video: a HEIC photo, a QuickTime film
        ("datei", "video.mp4", b"\x00\x00\x00\x18ftypheic" + b"\x00" * 40, "not_a_video"),
        ("datei", "video.mp4", b"\x00\x00\x00\x14ftypqt  " + b"\x00" * 40, "not_a_video"),
        ("datei", "video.avi", MP4_IN_WEBM_NAME, "invalid_extension"),
        ("datei", "video.mp4", b"", "empty"),
        ("untertitel", "untertitel.vtt", b"1\n00:00.000 --> 00:02.000\nHallo\n", "not_webvtt"),
        ("untertitel", "untertitel.vtt", b"WEBVTTX\n", "not_webvtt"),
        ("untertitel", "untertitel.vtt", b"\xff\xfeW\x00E\x00B\x00", "not_webvtt"),
        ("untertitel", "untertitel.srt", WEBVTT, "invalid_extension"),
    ],
)
def test_the_upload_is_checked_by_name_and_content(redaktion, field, name, content, code):
    datei = make_video_upload(name, content) if field == "datei" else make_untertitel_upload(name, content)
    response = upload(redaktion, **{field: datei})
    assert response.status_code == 200
    assert code in field_errors(response)[field]
    assert not Gebaerdensprachvideo.objects.exists()


def test_the_duration_is_required(redaktion):
    response = upload(redaktion, dauer="")
    assert "required" in field_errors(response)["dauer"]


class RiesigesVideo:
    """An upload that says it is 1 byte over the limit and must not be read."""

    name = "video.mp4"
    size = MAX_VIDEO_BYTES + 1
    _committed = False

    def read(self, *args):
        raise AssertionError("the size alone must refuse it")

    seek = read


def test_a_video_over_the_size_limit_is_refused_before_it_is_read():
    with pytest.raises(ValidationError) as error:
        validate_video(RiesigesVideo())
    assert error.value.code == "video_too_large"


def test_deleting_a_video_deletes_its_files(django_capture_on_commit_callbacks):
    video = make_gebaerdensprachvideo()
    storage = video.datei.storage
    names = [video.datei.name, video.untertitel.name]
    assert all(storage.exists(name) for name in names)
    with django_capture_on_commit_callbacks(execute=True):
        video.delete()
    assert not any(storage.exists(name) for name in names)
