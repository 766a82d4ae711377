"""Test data builders: one place, plain functions, sensible defaults."""

import datetime
import io
import itertools

from django.contrib.auth.models import Group, User
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.utils import timezone
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice
from modeltranslation.translator import translator
from PIL import Image

from aktuelles.models import Meldung
from anfragen.models import Anfrage, Textbaustein, Themenbereich
from anfragen.services import anfrage_create
from benachrichtigungen.models import Abonnement
from gremien.models import (
    Dokument,
    Gremium,
    Mitgliedschaft,
    Person,
    Sitzung,
    Tagesordnungspunkt,
    Vorlage,
    Wahlperiode,
)
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


def make_teilnahme(veranstaltung: Veranstaltung | None = None, **kwargs):
    """A registration as the form makes it (teilnahmen.services): a place if one is free, else the waiting list.

    Without `veranstaltung`: for a new event in a week with 10 places.
    """
    from teilnahmen.services import teilnahme_create

    if veranstaltung is None:
        veranstaltung = make_veranstaltung(anmeldung=True, plaetze=10)
    n = next(_seq)
    defaults = {"name": f"Beispiel Person {n}", "email": f"person{n}@example.org", "sprache": "de"}
    return teilnahme_create(veranstaltung_id=veranstaltung.pk, **{**defaults, **kwargs})


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


def make_gremium(**kwargs) -> Gremium:
    """The Integrationsrat unless other fields are given (its migration makes it; a transactional test flushes it)."""
    if not kwargs:
        return Gremium.objects.get_or_create(
            art=Gremium.Art.RAT, defaults={"name": "Integrationsrat der Stadt Beckum", "veroeffentlicht": True}
        )[0]
    return Gremium.objects.create(**{"name": f"Arbeitskreis {next(_seq)}", "veroeffentlicht": True, **kwargs})


def make_person(**kwargs) -> Person:
    n = next(_seq)
    return Person.objects.create(
        **{"vorname": f"Vorname{n}", "nachname": f"Nachname{n}", "veroeffentlicht": True, **kwargs}
    )


def make_mitgliedschaft(**kwargs) -> Mitgliedschaft:
    defaults = {"rolle": Mitgliedschaft.Rolle.MITGLIED, "beginn": datetime.date(2025, 11, 1)}
    if "person" not in kwargs:
        kwargs["person"] = make_person()
    if "gremium" not in kwargs:
        kwargs["gremium"] = make_gremium()
    return Mitgliedschaft.objects.create(**{**defaults, **kwargs})


def make_sitzung(*, tage: int = 14, **kwargs) -> Sitzung:
    """A published meeting of the Integrationsrat `tage` days from today (negative: in the past)."""
    n = next(_seq)
    defaults = {
        "titel": f"Sitzung {n}",
        "slug": f"sitzung-{n}",
        "datum": timezone.localdate() + datetime.timedelta(days=tage),
        "beginn": datetime.time(18, 0),
        "kurztext": f"Öffentliche Sitzung {n}",
        "veroeffentlicht": True,
        "status": Sitzung.Status.EINGELADEN,
    }
    if "gremium" not in kwargs:
        kwargs["gremium"] = make_gremium()
    return Sitzung.objects.create(**{**defaults, **kwargs})


def translation_defaults(model) -> dict:
    """Every translation column of `model` at its default, worked out once.

    Passed to the constructor in bulk, it spares modeltranslation a language switch per column and object
    (otherwise most of the time 5,000 objects take to make).
    """
    fields = translator.get_options_for_model(model).all_fields.values()
    return {field.name: field.get_default() for columns in fields for field in columns}


def make_sitzungen(n: int, *, gremium: Gremium | None = None, ort: Ort | None = None) -> list[int]:
    """n published meetings over ten years, in bulk (a Sitzung is two rows: its event and itself); their ids.

    Django cannot bulk_create a multi-table child, so the meeting rows are inserted directly: 5,000 take a second.
    """
    today = timezone.localdate()
    gremium = gremium or make_gremium()
    start = next(_seq)
    leer = translation_defaults(Veranstaltung)
    events = Veranstaltung.objects.bulk_create(
        Veranstaltung(
            **leer
            | {
                "titel_de": f"Massensitzung {start + i}",
                "slug": f"massensitzung-{start + i}",
                "kurztext_de": "Zum Zählen der Abfragen.",
                "datum": today + datetime.timedelta(days=(i % 3650) - 1825),
                "art": Veranstaltung.Art.SITZUNG,
                "ort": ort,
                "veroeffentlicht": True,
            }
        )
        for i in range(n)
    )
    now = timezone.now()
    with connection.cursor() as cursor:
        cursor.executemany(
            # The table name is the model's, not input.
            f"INSERT INTO {Sitzung._meta.db_table} (veranstaltung_ptr_id, gremium_id, status, erstellt_am)"  # noqa: S608
            " VALUES (%s, %s, %s, %s)",
            [(event.pk, gremium.pk, Sitzung.Status.EINGELADEN, now) for event in events],
        )
    return [event.pk for event in events]


def make_wahlperiode(**kwargs) -> Wahlperiode:
    return Wahlperiode.objects.create(
        **{
            "name": "Wahlperiode 2025–2030",
            "beginn": datetime.date(2025, 11, 1),
            "ende": datetime.date(2030, 10, 31),
            **kwargs,
        }
    )


def make_tagesordnungspunkt(sitzung: Sitzung, **kwargs) -> Tagesordnungspunkt:
    n = next(_seq)
    defaults = {"nummer": str(n), "reihenfolge": n, "titel": f"Punkt {n}"}
    return Tagesordnungspunkt.objects.create(sitzung=sitzung, **{**defaults, **kwargs})


def make_vorlage(**kwargs) -> Vorlage:
    n = next(_seq)
    defaults = {
        "aktenzeichen": f"IR/{n:04d}",
        "titel": f"Antrag {n}",
        "datum": timezone.localdate(),
        "veroeffentlicht": True,
    }
    return Vorlage.objects.create(**{**defaults, **kwargs})


def make_pdf(*, pages: int = 1, text: str = "") -> bytes:
    """A small valid PDF (pages of letter size); with `text`, one page that says it."""
    if text:
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=12)
        pdf.cell(text=text)
        return bytes(pdf.output())
    from pypdf import PdfWriter

    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(612, 792)
    buffer = io.BytesIO()
    writer.write(buffer)
    return buffer.getvalue()


def make_pdf_upload(name: str = "dokument.pdf", **kwargs) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, make_pdf(**kwargs), content_type="application/pdf")


def make_dokument(**kwargs) -> Dokument:
    """A public PDF; give sitzung=, tagesordnungspunkt= or vorlage= (it must belong to one)."""
    n = next(_seq)
    datei = kwargs.pop("datei", None) or make_pdf_upload(f"dokument-{n}.pdf")
    dokument = Dokument(**{"name": f"Dokument {n}", "art": Dokument.Art.ANLAGE, **kwargs})
    dokument.datei = datei
    dokument.save()
    return dokument


def make_meldung(*, tage: int = 0, themen=(), **kwargs) -> Meldung:
    """A published news item dated `tage` days from today (negative: earlier); `themen` linked."""
    n = next(_seq)
    defaults = {
        "titel": f"Meldung {n}",
        "slug": f"meldung-{n}",
        "datum": timezone.localdate() + datetime.timedelta(days=tage),
        "anreisser": f"Worum es geht {n}",
        "text": f"<p>Der Text der Meldung {n}.</p>",
        "veroeffentlicht": True,
    }
    meldung = Meldung.objects.create(**{**defaults, **kwargs})
    if themen:
        meldung.themen.set(themen)
    return meldung


def make_meldungen(n: int, **kwargs) -> list[Meldung]:
    """n published news items, one a day back from today, in bulk (no translation state, no signals)."""
    today = timezone.localdate()
    start = next(_seq)
    leer = translation_defaults(Meldung)
    return Meldung.objects.bulk_create(
        Meldung(
            **leer
            | {
                "titel_de": f"Massenmeldung {start + i}",
                "slug": f"massenmeldung-{start + i}",
                "anreisser_de": "Zum Zählen der Abfragen.",
                "datum": today - datetime.timedelta(days=i),
                "veroeffentlicht": True,
            }
            | kwargs
        )
        for i in range(n)
    )


def make_abonnement(*, themen=(), **kwargs) -> Abonnement:
    """A confirmed alert subscription (all topics, events and news, German) unless told otherwise."""
    now = timezone.now()
    defaults = {
        "email": f"abo{next(_seq)}@example.org",
        "sprache": "de",
        "alle_themen": not themen,
        "einwilligung_am": now,
        "bestaetigt_am": now,
    }
    abonnement = Abonnement.objects.create(**{**defaults, **kwargs})
    abonnement.themen.set(themen)
    return abonnement


def make_totp_device(user: User) -> TOTPDevice:
    """The user's confirmed authenticator app (second factor), made if they have none yet."""
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    return device or TOTPDevice.objects.create(user=user, name="Authenticator-App", confirmed=True)


def totp_code(device: TOTPDevice, *, schritt: int = 0) -> str:
    """The code the person's app shows now (`schritt=1`: the next 30-second step's, for a second login in a test)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, device.drift + schritt):0{device.digits}d}"


def make_berater(username: str = "berater") -> User:
    """A member of the Beratung team with an e-mail address (for the team's mails and reminders)."""
    user = make_staff(username, "Beratung")
    user.email = f"{username}@example.org"
    user.save(update_fields=["email"])
    return user


def make_textbaustein(**kwargs) -> Textbaustein:
    """A snippet for answers; `text_tr="…"` etc. for its translations."""
    n = next(_seq)
    return Textbaustein.objects.create(**{"titel_de": f"Baustein {n}", "text_de": f"Deutscher Baustein {n}.", **kwargs})


# A sign-language video's files: the first bytes of a real MP4 (its "ftyp" box) and a WebVTT file.
MP4_HEADER = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 64
WEBVTT = b"WEBVTT\n\n00:00.000 --> 00:02.000\nGuten Tag.\n"


def make_video_upload(name: str = "video.mp4", content: bytes = MP4_HEADER) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="video/mp4")


def make_untertitel_upload(name: str = "untertitel.vtt", content: bytes = WEBVTT) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type="text/vtt")


def make_gebaerdensprachvideo(**kwargs):
    """A published video in German Sign Language with its captions (files in the test's media folder)."""
    from seiten.models import Gebaerdensprachvideo

    defaults = {
        "titel_de": f"Video {next(_seq)}",
        "datei": make_video_upload(),
        "untertitel": make_untertitel_upload(),
        "dauer": datetime.timedelta(minutes=2, seconds=30),
        "veroeffentlicht": True,
    }
    return Gebaerdensprachvideo.objects.create(**{**defaults, **kwargs})


def make_organisation(*, sprachen=(), angebote=(), themen=(), **kwargs):
    """A published, checked entry of the directory of migrant organisations, confirmed today.

    `sprachen` are language codes ("ar"), `angebote` offer slugs ("sport"): both seeded by the migration.
    """
    from organisationen.models import Angebot, Organisation, Sprache

    n = next(_seq)
    defaults = {
        "name": f"Verein {n}",
        "slug": f"verein-{n}",
        "kurzbeschreibung": f"Was der Verein {n} macht.",
        "veroeffentlicht": True,
        "zuletzt_bestaetigt": timezone.localdate(),
        "geprueft_am": timezone.now(),
    }
    organisation = Organisation.objects.create(**{**defaults, **kwargs})
    organisation.sprachen.set(Sprache.objects.filter(code__in=sprachen))
    organisation.angebote.set(Angebot.objects.filter(slug__in=angebote))
    organisation.themen.set(themen)
    return organisation
