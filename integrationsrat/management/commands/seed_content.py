"""Load the council's 2024 content (topics, tasks, the 14.11.2024 meeting, pages).

Run once after `migrate` on every new installation; `make run` does it. It only
creates what is missing and fills only empty translations, so it never
overwrites what staff have edited and running it again changes nothing.
`--demo` adds example events dated relative to today, each marked "Beispiel",
so the calendar is not empty when trying the portal out.
"""

import datetime

from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone

from anfragen.models import Themenbereich
from integrationsrat import content, content_translations
from seiten.models import Abschnitt, Seite
from themen.models import Jahresrueckblick, RueckblickThema, Thema
from veranstaltungen.models import Ort, Veranstaltung


def zeilen_text(abschnitt: dict, zeilen: list[str]) -> str:
    # Lists are one line per item; paragraphs are separated by a blank line.
    return ("\n" if abschnitt["darstellung"] != "absaetze" else "\n\n").join(zeilen)


class Command(BaseCommand):
    help = "Lädt die Inhalte des Integrationsrats (Rückblick 2024); --demo ergänzt Beispieltermine."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Beispieltermine ab heute anlegen.")

    @transaction.atomic
    def handle(self, *args, demo=False, **options):
        self.created = self.translated = 0
        themen = self.seed_themen()
        self.seed_rueckblick(themen)
        self.seed_seiten()
        self.seed_themenbereiche()
        if demo:
            self.seed_beispiele(themen)
        self.stdout.write(
            self.style.SUCCESS(
                f"seed_content: {self.created} Einträge neu angelegt, {self.translated} Übersetzungen ergänzt."
            )
        )

    def get_or_create(self, model, defaults=None, **lookup):
        obj, created = model.objects.get_or_create(defaults=defaults or {}, **lookup)
        self.created += created
        return obj, created

    def translate(self, obj, values_by_lang: dict[str, dict[str, str]]) -> None:
        """Fill empty translation fields; never touch what staff wrote."""
        changed = False
        for lang, values in values_by_lang.items():
            for field, value in values.items():
                name = f"{field}_{lang}"
                if value and not getattr(obj, name):
                    setattr(obj, name, value)
                    changed = True
        if changed:
            obj.save()
            self.translated += 1

    def translations(self, pick) -> dict[str, dict[str, str]]:
        """{lang: pick(module)} for every language whose module has that content."""
        result = {}
        for lang in content_translations.LANGUAGES:
            try:
                values = pick(content_translations.load(lang))
            except (AttributeError, KeyError, IndexError):
                continue
            result[lang] = values
        return result

    def seed_themen(self) -> dict[str, Thema]:
        themen = {}
        for position, data in enumerate(content.THEMEN, start=1):
            slug = data["slug"]
            thema, _ = self.get_or_create(
                Thema,
                slug=slug,
                defaults={
                    "titel_de": data["titel"],
                    "kurztext_de": data["kurztext"],
                    "punkte_de": "\n".join(data["punkte"]),
                    "reihenfolge": position * 10,
                    "veroeffentlicht": True,
                },
            )
            self.translate(
                thema,
                self.translations(
                    lambda m, slug=slug: {
                        "titel": m.THEMEN[slug]["titel"],
                        "kurztext": m.THEMEN[slug]["kurztext"],
                        "punkte": "\n".join(m.THEMEN[slug]["punkte"]),
                    }
                ),
            )
            themen[slug] = thema
        return themen

    def seed_rueckblick(self, themen: dict[str, Thema]) -> None:
        data = content.SITZUNG_2024
        sitzung, _ = self.get_or_create(
            Veranstaltung,
            slug=data["slug"],
            datum=datetime.date.fromisoformat(data["datum"]),
            defaults={
                "titel_de": data["titel"],
                "art": Veranstaltung.Art.SITZUNG,
                "kurztext_de": data["kurztext"],
                "veroeffentlicht": True,
            },
        )
        self.translate(sitzung, self.translations(lambda m: dict(m.SITZUNG_2024)))
        rueckblick, created = self.get_or_create(
            Jahresrueckblick,
            jahr=content.RUECKBLICK_2024["jahr"],
            defaults={
                "titel_de": content.RUECKBLICK_2024["titel"],
                "einleitung_de": content.RUECKBLICK_2024["einleitung"],
                "veroeffentlicht": True,
            },
        )
        self.translate(rueckblick, self.translations(lambda m: dict(m.RUECKBLICK_2024)))
        if created:
            for position, data in enumerate(content.THEMEN, start=1):
                RueckblickThema.objects.create(rueckblick=rueckblick, thema=themen[data["slug"]], reihenfolge=position)

    def seed_seiten(self) -> None:
        pages = {**content.SEITEN, **content.SEITEN_LEICHTE_SPRACHE}
        for schluessel, data in pages.items():
            seite, created = self.get_or_create(
                Seite,
                schluessel=schluessel,
                defaults={"titel_de": data["titel"], "einleitung_de": data["einleitung"], "veroeffentlicht": True},
            )
            if created:
                for position, abschnitt in enumerate(data["abschnitte"], start=1):
                    Abschnitt.objects.create(
                        seite=seite,
                        ueberschrift_de=abschnitt["ueberschrift"],
                        darstellung=abschnitt["darstellung"],
                        text_de=zeilen_text(abschnitt, abschnitt["zeilen"]),
                        reihenfolge=position * 10,
                    )
            if schluessel not in content.SEITEN:
                continue  # Leichte Sprache is German by definition
            self.translate(
                seite,
                self.translations(
                    lambda m, k=schluessel: {"titel": m.SEITEN[k]["titel"], "einleitung": m.SEITEN[k]["einleitung"]}
                ),
            )
            for index, (abschnitt, german) in enumerate(zip(seite.abschnitte.all(), data["abschnitte"], strict=False)):
                self.translate(
                    abschnitt,
                    self.translations(
                        lambda m, k=schluessel, i=index, g=german: {
                            "ueberschrift": m.SEITEN[k]["abschnitte"][i]["ueberschrift"],
                            "text": zeilen_text(g, m.SEITEN[k]["abschnitte"][i]["zeilen"]),
                        }
                    ),
                )

    def seed_themenbereiche(self) -> None:
        for position, name in enumerate(content.THEMENBEREICHE, start=1):
            bereich, _ = self.get_or_create(Themenbereich, name_de=name, defaults={"reihenfolge": position * 10})
            self.translate(bereich, self.translations(lambda m, i=position - 1: {"name": m.THEMENBEREICHE[i]}))

    def seed_beispiele(self, themen: dict[str, Thema]) -> None:
        ort, _ = self.get_or_create(
            Ort, name_de=content.BEISPIEL_ORT["name"], defaults={"adresse": content.BEISPIEL_ORT["adresse"]}
        )
        self.translate(ort, self.translations(lambda m: {"name": m.BEISPIEL_ORT["name"]}))
        today = timezone.localdate()
        for data in content.BEISPIELE:
            # Looked up by slug alone: a second run on a later day finds the
            # example it made before instead of adding another.
            event = Veranstaltung.objects.filter(slug=data["slug"]).first()
            if event is None:
                event = Veranstaltung.objects.create(
                    slug=data["slug"],
                    titel_de=data["titel"],
                    datum=today + datetime.timedelta(days=data["tage"]),
                    beginn=datetime.time.fromisoformat(data["beginn"]) if data["beginn"] else None,
                    ende=datetime.time.fromisoformat(data["ende"]) if data["ende"] else None,
                    art=data.get("art", Veranstaltung.Art.VERANSTALTUNG),
                    thema=themen[data["thema"]] if data["thema"] else None,
                    ort=ort,
                    kurztext_de=data["kurztext"],
                    beschreibung_de=content.BEISPIEL_HINWEIS,
                    abgesagt=data.get("abgesagt", False),
                    veroeffentlicht=True,
                )
                self.created += 1
            self.translate(
                event,
                self.translations(
                    lambda m, slug=data["slug"]: {**m.BEISPIELE[slug], "beschreibung": m.BEISPIEL_HINWEIS}
                ),
            )
