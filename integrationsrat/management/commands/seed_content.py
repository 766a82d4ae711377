"""Load the council's 2024 content (topics, tasks, the 14.11.2024 meeting, pages).

Run once after `migrate` on every new installation; `make run` does it. It only
creates what is missing and never overwrites what staff have edited, so running
it again changes nothing. `--demo` adds example events dated relative to today,
each marked "Beispiel", so the calendar is not empty when trying the portal out.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from anfragen.models import Themenbereich
from integrationsrat import content
from seiten.models import Abschnitt, Seite
from themen.models import Jahresrueckblick, RueckblickThema, Thema
from veranstaltungen.models import Ort, Veranstaltung


class Command(BaseCommand):
    help = "Lädt die Inhalte des Integrationsrats (Rückblick 2024); --demo ergänzt Beispieltermine."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Beispieltermine ab heute anlegen.")

    @transaction.atomic
    def handle(self, *args, demo=False, **options):
        self.created = 0
        themen = self.seed_themen()
        self.seed_rueckblick(themen)
        self.seed_seiten()
        self.seed_themenbereiche()
        if demo:
            self.seed_beispiele(themen)
        self.stdout.write(self.style.SUCCESS(f"seed_content: {self.created} Einträge neu angelegt."))

    def get_or_create(self, model, defaults=None, **lookup):
        obj, created = model.objects.get_or_create(defaults=defaults or {}, **lookup)
        self.created += created
        return obj, created

    def seed_themen(self) -> dict[str, Thema]:
        themen = {}
        for position, data in enumerate(content.THEMEN, start=1):
            themen[data["slug"]], _ = self.get_or_create(
                Thema,
                slug=data["slug"],
                defaults={
                    "titel": data["titel"],
                    "kurztext": data["kurztext"],
                    "punkte": "\n".join(data["punkte"]),
                    "reihenfolge": position * 10,
                    "veroeffentlicht": True,
                },
            )
        return themen

    def seed_rueckblick(self, themen: dict[str, Thema]) -> None:
        data = content.SITZUNG_2024
        self.get_or_create(
            Veranstaltung,
            slug=data["slug"],
            datum=datetime.date.fromisoformat(data["datum"]),
            defaults={
                "titel": data["titel"],
                "art": Veranstaltung.Art.SITZUNG,
                "kurztext": data["kurztext"],
                "veroeffentlicht": True,
            },
        )
        rueckblick, created = self.get_or_create(
            Jahresrueckblick,
            jahr=content.RUECKBLICK_2024["jahr"],
            defaults={
                "titel": content.RUECKBLICK_2024["titel"],
                "einleitung": content.RUECKBLICK_2024["einleitung"],
                "veroeffentlicht": True,
            },
        )
        if created:
            for position, data in enumerate(content.THEMEN, start=1):
                RueckblickThema.objects.create(rueckblick=rueckblick, thema=themen[data["slug"]], reihenfolge=position)

    def seed_seiten(self) -> None:
        for schluessel, data in content.SEITEN.items():
            seite, created = self.get_or_create(
                Seite,
                schluessel=schluessel,
                defaults={"titel": data["titel"], "einleitung": data["einleitung"], "veroeffentlicht": True},
            )
            if created:
                Abschnitt.objects.bulk_create(
                    Abschnitt(
                        seite=seite,
                        ueberschrift=abschnitt["ueberschrift"],
                        darstellung=abschnitt["darstellung"],
                        text=("\n" if abschnitt["darstellung"] != "absaetze" else "\n\n").join(abschnitt["zeilen"]),
                        reihenfolge=position * 10,
                    )
                    for position, abschnitt in enumerate(data["abschnitte"], start=1)
                )

    def seed_themenbereiche(self) -> None:
        for position, name in enumerate(content.THEMENBEREICHE, start=1):
            self.get_or_create(Themenbereich, name=name, defaults={"reihenfolge": position * 10})

    def seed_beispiele(self, themen: dict[str, Thema]) -> None:
        ort, _ = self.get_or_create(Ort, name=content.BEISPIEL_ORT["name"], defaults=content.BEISPIEL_ORT)
        today = timezone.localdate()
        for data in content.BEISPIELE:
            # Looked up by slug alone: a second run on a later day finds the
            # example it made before instead of adding another.
            if Veranstaltung.objects.filter(slug=data["slug"]).exists():
                continue
            Veranstaltung.objects.create(
                slug=data["slug"],
                titel=data["titel"],
                datum=today + datetime.timedelta(days=data["tage"]),
                beginn=datetime.time.fromisoformat(data["beginn"]) if data["beginn"] else None,
                ende=datetime.time.fromisoformat(data["ende"]) if data["ende"] else None,
                art=data.get("art", Veranstaltung.Art.VERANSTALTUNG),
                thema=themen[data["thema"]] if data["thema"] else None,
                ort=ort,
                kurztext=data["kurztext"],
                beschreibung=content.BEISPIEL_HINWEIS,
                abgesagt=data.get("abgesagt", False),
                veroeffentlicht=True,
            )
            self.created += 1
