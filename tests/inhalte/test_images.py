"""Uploaded images are checked in the admin: real images, size and pixel limits."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image

from inhalte import images
from tests.factories import make_image_upload, make_staff, make_thema, thema_admin_form

pytestmark = pytest.mark.django_db


def change_thema(client, thema, bild):
    from django.contrib.auth.models import User

    client.force_login(User.objects.filter(username="redakteurin").first() or make_staff("redakteurin", "Redaktion"))
    return client.post(
        f"/admin/themen/thema/{thema.pk}/change/",
        thema_admin_form(thema, bild=bild, bild_alt_de="Ein blaues Rechteck"),
    )


def test_real_image_is_stored_with_dimensions(client):
    thema = make_thema()
    response = change_thema(client, thema, make_image_upload(size=(640, 480)))
    assert response.status_code == 302
    thema.refresh_from_db()
    assert (thema.bild_breite, thema.bild_hoehe) == (640, 480)
    page = client.get(thema.get_absolute_url()).content.decode()
    assert 'width="640" height="480"' in page
    assert 'alt="Ein blaues Rechteck"' in page
    assert 'loading="lazy"' in page and "sizes=" in page


def test_pages_ship_renditions_never_the_original(client):
    thema = make_thema()
    assert change_thema(client, thema, make_image_upload(size=(3000, 2000))).status_code == 302
    thema.refresh_from_db()
    assert [w for w, _name in thema.bild_varianten["webp"]] == [480, 960, 1440, 1920]
    page = client.get(thema.get_absolute_url()).content.decode()
    assert 'type="image/webp"' in page and "-480.webp 480w" in page and "-1920.jpg 1920w" in page
    assert thema.bild.url not in page
    for _w, name in thema.bild_varianten["webp"] + thema.bild_varianten["jpeg"]:
        with Image.open(thema.bild.storage.path(name)) as variante:
            assert variante.width == _w and variante.format in ("WEBP", "JPEG")


def test_small_images_are_not_enlarged(client):
    thema = make_thema()
    change_thema(client, thema, make_image_upload(size=(300, 200)))
    thema.refresh_from_db()
    assert [w for w, _name in thema.bild_varianten["jpeg"]] == [300]


@pytest.mark.parametrize(
    "upload",
    [
        SimpleUploadedFile("bild.jpg", b"<script>alert(1)</script>", content_type="image/jpeg"),
        SimpleUploadedFile("bild.jpg", b"", content_type="image/jpeg"),
    ],
    ids=["not-an-image", "empty"],
)
def test_non_images_are_rejected_with_a_form_error(client, upload):
    thema = make_thema()
    response = change_thema(client, thema, upload)
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["bild"]
    thema.refresh_from_db()
    assert not thema.bild


def test_too_many_pixels_is_rejected(client, monkeypatch):
    monkeypatch.setattr(images, "MAX_IMAGE_PIXELS", 100 * 100)
    response = change_thema(client, make_thema(), make_image_upload(size=(200, 200), fmt="PNG", name="b.png"))
    assert response.status_code == 200
    assert "zu viele Pixel" in str(response.context["adminform"].form.errors["bild"])


def test_too_large_file_is_rejected(client, monkeypatch):
    monkeypatch.setattr(images, "MAX_IMAGE_BYTES", 100)
    response = change_thema(client, make_thema(), make_image_upload())
    assert response.status_code == 200
    assert "zu groß" in str(response.context["adminform"].form.errors["bild"])


def test_missing_image_file_does_not_break_the_page(client):
    thema = make_thema(bild="bilder/2026/verschwunden.jpg", bild_alt="Foto", bild_breite=10, bild_hoehe=10)
    assert client.get(thema.get_absolute_url()).status_code == 200


def test_uploaded_photos_lose_their_metadata(client):
    """A phone photo carries GPS position and camera data; the stored copy must not."""
    exif = Image.Exif()
    exif[0x010F] = "Telefonhersteller"  # Make
    exif[0x8825] = {1: "N", 2: (51.0, 45.0, 0.0), 3: "E", 4: (8.0, 2.0, 0.0)}  # GPS position
    exif[0x0112] = 6  # "rotate 90°": must be applied before the tag is dropped
    buffer = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 0, 0)).save(buffer, format="JPEG", exif=exif)
    upload = SimpleUploadedFile("foto.jpg", buffer.getvalue(), content_type="image/jpeg")
    assert Image.open(io.BytesIO(buffer.getvalue())).getexif()  # the upload does carry metadata

    thema = make_thema()
    assert change_thema(client, thema, upload).status_code == 302
    thema.refresh_from_db()
    with Image.open(thema.bild.path) as stored:
        assert not stored.getexif()
        assert "exif" not in stored.info
        assert stored.size == (20, 40)  # turned upright
    assert (thema.bild_breite, thema.bild_hoehe) == (20, 40)


def test_decompression_bomb_is_a_form_error_not_a_server_error(client):
    # A tiny PNG whose header claims 40000 x 40000 pixels.
    buffer = io.BytesIO()
    Image.new("1", (40000, 40000)).save(buffer, format="PNG")
    response = change_thema(client, make_thema(), SimpleUploadedFile("b.png", buffer.getvalue(), "image/png"))
    assert response.status_code == 200
    assert response.context["adminform"].form.errors["bild"]


def exists(thema, names) -> list[bool]:
    return [thema.bild.storage.exists(name) for name in sorted(names)]


@pytest.fixture
def upload(client, django_capture_on_commit_callbacks):
    """Upload an image to a topic through the admin; return the names of its stored files."""

    def upload(thema, size=(600, 400)) -> set[str]:
        with django_capture_on_commit_callbacks(execute=True):
            assert change_thema(client, thema, make_image_upload(size=size)).status_code == 302
        thema.refresh_from_db()
        return thema.bilddateien()

    return upload


def test_a_replaced_image_is_deleted_with_its_renditions(upload):
    thema = make_thema()
    old = upload(thema, size=(1000, 600))
    assert len(old) == 7 and all(exists(thema, old))  # the original, WebP and JPEG in 480, 960 and 1000 px
    new = upload(thema, size=(800, 600))
    assert not any(exists(thema, old)) and all(exists(thema, new))


def test_a_removed_image_and_a_deleted_topic_take_their_files_with_them(upload, django_capture_on_commit_callbacks):
    thema = make_thema()
    old = upload(thema)
    with django_capture_on_commit_callbacks(execute=True):
        thema.bild = None
        thema.save()
    assert not any(exists(thema, old))

    other = make_thema(slug="mit-bild")
    files = upload(other)
    with django_capture_on_commit_callbacks(execute=True):
        type(other).objects.filter(pk=other.pk).delete()  # as the admin's bulk delete does
    assert files and not any(exists(other, files))


def test_nothing_is_deleted_when_the_save_is_rolled_back(upload, django_capture_on_commit_callbacks):
    from django.db import transaction

    thema = make_thema()
    old = upload(thema)
    with (
        django_capture_on_commit_callbacks(execute=True) as callbacks,
        pytest.raises(RuntimeError),
        transaction.atomic(),
    ):
        thema.bild = None
        thema.save()
        raise RuntimeError("the editor's save failed")
    assert callbacks == [] and all(exists(thema, old))


def test_a_form_saved_again_keeps_its_image(client):
    """Found in review: every save after the upload was a 500 (the stored file was checked again)."""
    thema = make_thema()
    assert change_thema(client, thema, make_image_upload()).status_code == 302
    thema.refresh_from_db()
    stored = thema.bild.name
    response = client.post(
        f"/admin/themen/thema/{thema.pk}/change/",
        thema_admin_form(thema, bild_alt_de="Ein blaues Rechteck", beschreibung_de="<p>Neu</p>"),
    )
    assert response.status_code == 302
    thema.refresh_from_db()
    assert thema.bild.name == stored and thema.beschreibung_de == "<p>Neu</p>"
