"""Test data builders: one place, plain functions, sensible defaults."""

import datetime
import io
import itertools

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from anfragen.models import Anfrage, Themenbereich
from anfragen.services import anfrage_create
from themen.models import Jahresrueckblick, RueckblickThema, Thema
from veranstaltungen.models import Ort, Veranstaltung

_seq = itertools.count(1)


def make_thema(**kwargs) -> Thema:
    n = next(_seq)
    defaults = {
        "titel": f"Thema {n}",
        "slug": f"thema-{n}",
        "kurztext": f"Kurztext {n}",
        "punkte": "<ul><li>Erster Punkt</li><li>Zweiter Punkt</li></ul>",
        "veroeffentlicht": True,
    }
    return Thema.objects.create(**{**defaults, **kwargs})


def make_ort(**kwargs) -> Ort:
    return Ort.objects.create(**{"name": f"Ort {next(_seq)}", "adresse": "Musterstraße 1, Beckum", **kwargs})


def make_veranstaltung(*, tage: int = 7, **kwargs) -> Veranstaltung:
    """An event `tage` days from today (negative: in the past)."""
    n = next(_seq)
    defaults = {
        "titel": f"Veranstaltung {n}",
        "slug": f"veranstaltung-{n}",
        "datum": timezone.localdate() + datetime.timedelta(days=tage),
        "beginn": datetime.time(18, 0),
        "kurztext": f"Was Sie erwartet {n}",
        "veroeffentlicht": True,
    }
    return Veranstaltung.objects.create(**{**defaults, **kwargs})


def thema_admin_form(thema: Thema, **changes) -> dict:
    """What the admin's change form posts for `thema` (German fields), with `changes` applied."""
    return {
        "titel_de": thema.titel,
        "slug": thema.slug,
        "kurztext_de": thema.kurztext,
        "punkte_de": thema.punkte,
        "reihenfolge": 0,
        "veroeffentlicht": "on",
        **changes,
    }


def make_rueckblick(*, jahr: int, themen=(), **kwargs) -> Jahresrueckblick:
    rueckblick = Jahresrueckblick.objects.create(
        **{"jahr": jahr, "titel": f"Rückblick {jahr}", "veroeffentlicht": True, **kwargs}
    )
    for position, thema in enumerate(themen):
        RueckblickThema.objects.create(rueckblick=rueckblick, thema=thema, reihenfolge=position)
    return rueckblick


def make_themenbereich(**kwargs) -> Themenbereich:
    return Themenbereich.objects.create(**{"name": f"Bereich {next(_seq)}", **kwargs})


def make_anfrage(**kwargs) -> Anfrage:
    defaults = {
        "themenbereich": kwargs.pop("themenbereich", None) or make_themenbereich(),
        "nachricht": "Ich habe eine Frage zu meinem Antrag.",
        "sprache": "de",
        "email": "rat@example.org",
    }
    return anfrage_create(**{**defaults, **kwargs})


def make_staff(username: str, group: str | None = None, *, password: str = "Sicheres-Passwort-123") -> User:
    """A staff user in one of the roles the data migration creates."""
    user = User.objects.create_user(username=username, password=password, is_staff=True)
    if group:
        user.groups.add(Group.objects.get(name=group))
    return user


def make_image_upload(*, size=(800, 600), fmt="JPEG", name="bild.jpg") -> SimpleUploadedFile:
    buffer = io.BytesIO()
    Image.new("RGB", size, (11, 83, 148)).save(buffer, format=fmt)
    return SimpleUploadedFile(name, buffer.getvalue(), content_type=f"image/{fmt.lower()}")
