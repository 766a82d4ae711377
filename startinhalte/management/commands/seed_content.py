"""Load the council's starting content: the 2024 review's topics, tasks and meeting, the fixed pages.

Run once after `migrate` on every new installation; `make run` does it. It only
creates what is missing and fills only empty translations, so it never
overwrites what staff have edited and running it again changes nothing.
`--demo` adds example events and news dated relative to today, each marked
"Beispiel", so the calendar and the news are not empty when trying the portal out
(and example entries of the directory of migrant organisations, named "Beispiel: ...").

The content is in `startinhalte/daten/` (see `startinhalte/loader.py`). A text
missing in one language's file stops the command with its name: a translation
is never skipped silently.
"""

import datetime
import importlib

from dateutil.relativedelta import relativedelta
from django.apps import apps as django_apps
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from aktuelles.models import Meldung
from anfragen.models import Textbaustein, Themenbereich
from gremien.models import Dokument, Gremium, Mitgliedschaft, Person, Sitzung, Tagesordnungspunkt, Vorlage, Wahlperiode
from inhalte.models import other_languages
from inhalte.richtext import list_html, paragraphs_html
from organisationen.models import Angebot, Organisation, Sprache
from seiten.models import Abschnitt, Barrierefreiheitserklaerung, Seite
from startinhalte import loader
from startinhalte.beispiel_pdf import beispiel_pdf
from themen.models import Jahresrueckblick, RueckblickThema, Thema
from veranstaltungen.models import Ort, Veranstaltung
from veranstaltungen.services import reihe_apply


def zeilen_html(darstellung: str, zeilen: list[str]) -> str:
    """A section's lines as formatted text: paragraphs, a bulleted or a numbered list (struktur.toml)."""
    if darstellung == "absaetze":
        return paragraphs_html("\n\n".join(zeilen))
    return list_html("\n".join(zeilen), nummeriert=darstellung == "nummeriert")


class Command(BaseCommand):
    help = "Lädt die Inhalte des Integrationsrats (Rückblick 2024); --demo ergänzt Beispieltermine und -meldungen."

    def add_arguments(self, parser):
        parser.add_argument("--demo", action="store_true", help="Beispieltermine und -meldungen ab heute anlegen.")

    @transaction.atomic
    def handle(self, *args, demo=False, **options):
        self.created = self.translated = 0
        self.struktur = loader.load("struktur")
        self.texte = {code: loader.load(code) for code, _name in settings.LANGUAGES}
        self.de = self.texte[settings.LANGUAGE_CODE]
        themen = self.seed_themen()
        rat = self.seed_gremium()
        self.seed_rueckblick(themen, rat)
        self.seed_seiten()
        self.seed_barrierefreiheitserklaerung()
        self.seed_themenbereiche()
        self.seed_textbausteine()
        if demo:
            ort = self.seed_beispiele(themen)
            self.seed_beispiel_gremium(rat, ort)
            self.seed_beispiel_meldungen(themen)
            self.seed_beispiel_organisationen(themen)
        self.stdout.write(
            self.style.SUCCESS(
                f"seed_content: {self.created} Einträge neu angelegt, {self.translated} Übersetzungen ergänzt."
            )
        )

    def get_or_create(self, model, defaults=None, **lookup):
        obj, created = model.objects.get_or_create(defaults=defaults or {}, **lookup)
        self.created += created
        return obj, created

    def text(self, lang: str, *path) -> str | list[str]:
        """The text (or list of texts) at `path` in `lang`'s file; a missing or empty one stops the command."""
        node = self.texte[lang]
        where = f"startinhalte/daten/{lang}.toml: „{'.'.join(map(str, path))}“"
        try:
            for key in path:
                node = node[key]
        except (KeyError, IndexError, TypeError) as error:
            raise CommandError(f"{where} fehlt ({error!r}).") from error
        if not loader.is_text(node):
            raise CommandError(f"{where} ist leer oder kein Text.")
        return node

    def translate(self, obj, pick) -> None:
        """Fill `obj`'s empty translation fields with `pick(lang)` ({field: value}); never touch what staff wrote."""
        changed = False
        for lang, _name in other_languages():
            for field, value in pick(lang).items():
                name = f"{field}_{lang}"
                if value and not getattr(obj, name):
                    setattr(obj, name, value)
                    changed = True
        if changed:
            obj.save()
            self.translated += 1

    def seed_themen(self) -> dict[str, Thema]:
        themen = {}
        for position, (slug, data) in enumerate(self.de["themen"].items(), start=1):
            thema, _ = self.get_or_create(
                Thema,
                slug=slug,
                defaults={
                    "titel_de": data["titel"],
                    "kurztext_de": data["kurztext"],
                    "punkte_de": list_html("\n".join(data["punkte"])),
                    "reihenfolge": position * 10,
                    "veroeffentlicht": True,
                },
            )
            self.translate(
                thema,
                lambda lang, slug=slug: {
                    "titel": self.text(lang, "themen", slug, "titel"),
                    "kurztext": self.text(lang, "themen", slug, "kurztext"),
                    "punkte": list_html("\n".join(self.text(lang, "themen", slug, "punkte"))),
                },
            )
            themen[slug] = thema
        return themen

    def seed_gremium(self) -> Gremium:
        """The Integrationsrat as a body (its migration made it already; here it gets its translations)."""
        rat, _ = self.get_or_create(
            Gremium,
            art=Gremium.Art.RAT,
            defaults={
                "name_de": self.de["gremium"]["name"],
                "kurzname": self.struktur["gremium"]["kurzname"],
                "reihenfolge": 0,
                "veroeffentlicht": True,
            },
        )
        self.translate(rat, lambda lang: {"name": self.text(lang, "gremium", "name")})
        return rat

    def seed_rueckblick(self, themen: dict[str, Thema], rat: Gremium) -> None:
        struktur = self.struktur["sitzung_2024"]
        # The meeting of 14.11.2024, where the review was presented (no time or place: the source names none).
        sitzung, _ = self.get_or_create(
            Sitzung,
            slug=struktur["slug"],
            datum=struktur["datum"],
            defaults={
                "titel_de": self.de["sitzung_2024"]["titel"],
                "kurztext_de": self.de["sitzung_2024"]["kurztext"],
                "gremium": rat,
                "status": Sitzung.Status.DURCHGEFUEHRT,
                "veroeffentlicht": True,
            },
        )
        self.translate(
            sitzung,
            lambda lang: {field: self.text(lang, "sitzung_2024", field) for field in ("titel", "kurztext")},
        )
        rueckblick, created = self.get_or_create(
            Jahresrueckblick,
            jahr=self.struktur["rueckblick_2024"]["jahr"],
            defaults={
                "titel_de": self.de["rueckblick_2024"]["titel"],
                "einleitung_de": paragraphs_html(self.de["rueckblick_2024"]["einleitung"]),
                "veroeffentlicht": True,
            },
        )
        self.translate(
            rueckblick,
            lambda lang: {
                "titel": self.text(lang, "rueckblick_2024", "titel"),
                "einleitung": paragraphs_html(self.text(lang, "rueckblick_2024", "einleitung")),
            },
        )
        if created:
            for position, thema in enumerate(themen.values(), start=1):
                RueckblickThema.objects.create(rueckblick=rueckblick, thema=thema, reihenfolge=position)

    def seed_seiten(self) -> None:
        leichte_sprache = loader.load("leichte_sprache")["seiten"]
        for schluessel, data in {**self.de["seiten"], **leichte_sprache}.items():
            darstellungen = self.struktur["seiten"][schluessel]["abschnitte"]
            seite, created = self.get_or_create(
                Seite,
                schluessel=schluessel,
                defaults={
                    "titel_de": data["titel"],
                    "einleitung_de": paragraphs_html(data["einleitung"]),
                    "veroeffentlicht": True,
                },
            )
            if created:
                for position, (name, abschnitt) in enumerate(data["abschnitte"].items(), start=1):
                    Abschnitt.objects.create(
                        seite=seite,
                        ueberschrift_de=abschnitt["ueberschrift"],
                        text_de=zeilen_html(darstellungen[name], abschnitt["zeilen"]),
                        reihenfolge=position * 10,
                    )
            if schluessel in leichte_sprache:
                continue  # Leichte Sprache is German by definition
            self.translate(
                seite,
                lambda lang, k=schluessel: {
                    "titel": self.text(lang, "seiten", k, "titel"),
                    "einleitung": paragraphs_html(self.text(lang, "seiten", k, "einleitung")),
                },
            )
            # Sections are matched in order: the database keeps no section names.
            for abschnitt, name in zip(seite.abschnitte.all(), data["abschnitte"], strict=False):
                self.translate(
                    abschnitt,
                    lambda lang, k=schluessel, name=name, darstellung=darstellungen[name]: {
                        "ueberschrift": self.text(lang, "seiten", k, "abschnitte", name, "ueberschrift"),
                        "text": zeilen_html(darstellung, self.text(lang, "seiten", k, "abschnitte", name, "zeilen")),
                    },
                )

    def seed_barrierefreiheitserklaerung(self) -> None:
        """The accessibility statement's parts: the assessment of struktur.toml; the dates are for staff to enter."""
        seite = Seite.objects.filter(schluessel=Seite.Schluessel.BARRIEREFREIHEIT).first()
        if seite is None:
            return  # deleted by staff: nothing to attach the statement to
        struktur = self.struktur["barrierefreiheitserklaerung"]
        felder = ("nicht_barrierefrei", "kontakt", "ombudsstelle")

        def texte(lang: str) -> dict[str, str]:
            return {
                feld: zeilen_html(struktur[feld], self.text(lang, "barrierefreiheitserklaerung", feld))
                for feld in felder
            }

        erklaerung, _ = self.get_or_create(
            Barrierefreiheitserklaerung,
            seite=seite,
            defaults={
                "vereinbarkeit": struktur["vereinbarkeit"],
                "methode": struktur["methode"],
                **{f"{feld}_de": text for feld, text in texte("de").items()},
            },
        )
        self.translate(erklaerung, texte)

    def seed_themenbereiche(self) -> None:
        for position, (name, text) in enumerate(self.de["themenbereiche"].items(), start=1):
            bereich, _ = self.get_or_create(Themenbereich, name_de=text, defaults={"reihenfolge": position * 10})
            self.translate(bereich, lambda lang, name=name: {"name": self.text(lang, "themenbereiche", name)})

    def seed_textbausteine(self) -> None:
        """The advice team's three starting snippets for answers, in every language (looked up by German title)."""
        for position, (name, data) in enumerate(self.de["textbausteine"].items(), start=1):
            baustein, _ = self.get_or_create(
                Textbaustein,
                titel_de=data["titel"],
                defaults={"text_de": data["text"], "reihenfolge": position * 10},
            )
            self.translate(
                baustein,
                lambda lang, name=name: {f: self.text(lang, "textbausteine", name, f) for f in ("titel", "text")},
            )

    def beispiel_beschreibung(self, lang: str, slug: str) -> str:
        """The note that this is an example, then the example's own formatted text, if it has one."""
        eigene = self.texte[lang]["beispiele"]["termine"][slug].get("beschreibung", "")
        return paragraphs_html(self.text(lang, "beispiele", "hinweis")) + eigene

    def seed_beispiele(self, themen: dict[str, Thema]) -> Ort:
        ort, _ = self.get_or_create(Ort, name_de=self.de["beispiele"]["ort"])
        self.translate(ort, lambda lang: {"name": self.text(lang, "beispiele", "ort")})
        today = timezone.localdate()
        for slug, struktur in self.struktur["beispiele"]["termine"].items():
            # Looked up by slug alone: a second run on a later day finds the
            # example it made before instead of adding another.
            event = Veranstaltung.objects.filter(slug=slug).first()
            if event is None:
                event = Veranstaltung.objects.create(
                    slug=slug,
                    titel_de=self.de["beispiele"]["termine"][slug]["titel"],
                    # "tage" from today, moved on to "wochentag" (0 = Monday) where one is given.
                    datum=today + relativedelta(days=struktur["tage"], weekday=struktur.get("wochentag")),
                    beginn=struktur.get("beginn"),
                    ende=struktur.get("ende"),
                    art=struktur.get("art", Veranstaltung.Art.VERANSTALTUNG),
                    thema=themen[struktur["thema"]] if "thema" in struktur else None,
                    ort=ort,
                    kurztext_de=self.de["beispiele"]["termine"][slug]["kurztext"],
                    beschreibung_de=self.beispiel_beschreibung("de", slug),
                    abgesagt=struktur.get("abgesagt", False),
                    veroeffentlicht=True,
                    anmeldefrage_de=self.de["beispiele"]["termine"][slug].get("anmeldefrage", ""),
                    **({"anmeldung": True} | struktur["anmeldung"] if "anmeldung" in struktur else {}),
                )
                self.created += 1
            self.translate(
                event,
                lambda lang, slug=slug: {
                    "titel": self.text(lang, "beispiele", "termine", slug, "titel"),
                    "kurztext": self.text(lang, "beispiele", "termine", slug, "kurztext"),
                    "beschreibung": self.beispiel_beschreibung(lang, slug),
                    **(
                        {"anmeldefrage": self.text(lang, "beispiele", "termine", slug, "anmeldefrage")}
                        if "anmeldefrage" in self.de["beispiele"]["termine"][slug]
                        else {}
                    ),
                },
            )
            if "wiederholung" in struktur and event.reihe_id is None:
                # After the translations: the other dates are copies of this one.
                reihe_apply(vorlage=event, **({"bis": None, "anzahl": None} | struktur["wiederholung"]))
        return ort

    def beispiel_meldungstext(self, lang: str, slug: str) -> str:
        """The note that this is an example, then the example news item's own formatted text."""
        return paragraphs_html(self.text(lang, "beispiele", "meldungen", "hinweis")) + self.text(
            lang, "beispiele", "meldungen", slug, "text"
        )

    def seed_beispiel_meldungen(self, themen: dict[str, Thema]) -> None:
        """Example news, dated from today, one linked to a topic and one to an example event."""
        today = timezone.localdate()
        for slug, struktur in self.struktur["beispiele"]["meldungen"].items():
            # By slug alone, as the example events: a later run finds the item it made before.
            meldung = Meldung.objects.filter(slug=slug).first()
            if meldung is None:
                texte = self.de["beispiele"]["meldungen"][slug]
                veranstaltung = struktur.get("veranstaltung")
                meldung = Meldung.objects.create(
                    slug=slug,
                    titel_de=texte["titel"],
                    anreisser_de=texte["anreisser"],
                    text_de=self.beispiel_meldungstext("de", slug),
                    datum=today + datetime.timedelta(days=struktur["tage"]),
                    veranstaltung=Veranstaltung.objects.filter(slug=veranstaltung).first() if veranstaltung else None,
                    veroeffentlicht=True,
                )
                meldung.themen.set(themen[thema] for thema in struktur.get("themen", []))
                self.created += 1
            self.translate(
                meldung,
                lambda lang, slug=slug: {
                    "titel": self.text(lang, "beispiele", "meldungen", slug, "titel"),
                    "anreisser": self.text(lang, "beispiele", "meldungen", slug, "anreisser"),
                    "text": self.beispiel_meldungstext(lang, slug),
                },
            )

    def seed_beispiel_organisationen(self, themen: dict[str, Thema]) -> None:
        """Example entries of the directory, published and confirmed today, each named "Beispiel: ..."."""
        # The languages and offers the migration made (gone after a test database was flushed).
        importlib.import_module("organisationen.migrations.0002_sprachen_und_angebote").create(django_apps, None)
        for slug, struktur in self.struktur["beispiele"]["organisationen"].items():
            # By slug alone, as the example events: a later run finds the entry it made before.
            organisation = Organisation.objects.filter(slug=slug).first()
            if organisation is None:
                texte = self.de["beispiele"]["organisationen"][slug]
                organisation = Organisation.objects.create(
                    slug=slug,
                    name=struktur["name"],
                    kurzbeschreibung_de=texte["kurzbeschreibung"],
                    treffzeiten_de=texte["treffzeiten"],
                    treffpunkt=struktur["treffpunkt"],
                    zuletzt_bestaetigt=timezone.localdate(),
                    veroeffentlicht=True,
                )
                organisation.sprachen.set(Sprache.objects.filter(code__in=struktur["sprachen"]))
                organisation.angebote.set(Angebot.objects.filter(slug__in=struktur["angebote"]))
                organisation.themen.set(themen[thema] for thema in struktur["themen"])
                self.created += 1
            self.translate(
                organisation,
                lambda lang, slug=slug: {
                    "kurzbeschreibung": self.text(lang, "beispiele", "organisationen", slug, "kurzbeschreibung"),
                    "treffzeiten": self.text(lang, "beispiele", "organisationen", slug, "treffzeiten"),
                },
            )

    def seed_beispiel_gremium(self, rat: Gremium, ort: Ort) -> None:
        """Example terms, members, a paper and two meetings (one to come, one past), each marked "Beispiel"."""
        today = timezone.localdate()
        perioden = {}
        for key, daten in self.struktur["beispiele"]["wahlperioden"].items():
            perioden[key], _ = self.get_or_create(
                Wahlperiode,
                name_de=self.de["beispiele"]["wahlperioden"][key],
                defaults={"beginn": daten["beginn"], "ende": daten["ende"]},
            )
            self.translate(
                perioden[key], lambda lang, key=key: {"name": self.text(lang, "beispiele", "wahlperioden", key)}
            )
        for daten in self.struktur["beispiele"]["personen"].values():
            person, created = self.get_or_create(
                Person,
                vorname=daten["vorname"],
                nachname=daten["nachname"],
                defaults={"sprachen": daten["sprachen"], "veroeffentlicht": True},
            )
            if created:
                periode = perioden[daten["wahlperiode"]]
                Mitgliedschaft.objects.create(
                    person=person,
                    gremium=rat,
                    wahlperiode=periode,
                    rolle=daten["rolle"],
                    entsendung=daten["entsendung"],
                    liste=daten["liste"],
                    stimmrecht=daten.get("stimmrecht", True),
                    beginn=periode.beginn,
                    ende=periode.ende if periode.ende < today else None,
                )
        struktur = self.struktur["beispiele"]["vorlage"]
        vorlage, created = self.get_or_create(
            Vorlage,
            aktenzeichen=struktur["aktenzeichen"],
            defaults={
                "titel_de": self.de["beispiele"]["vorlage"]["titel"],
                "beschreibung_de": paragraphs_html(self.de["beispiele"]["vorlage"]["beschreibung"]),
                "art": struktur["art"],
                "datum": today + datetime.timedelta(days=struktur["tage"]),
                "gremium": rat,
                "veroeffentlicht": True,
            },
        )
        if created:
            self.beispiel_dokument(
                name=f"{Dokument.Art.ANTRAG.label}: {vorlage.titel_de}",
                art=Dokument.Art.ANTRAG,
                datum=vorlage.datum,
                zeilen=[vorlage.aktenzeichen, self.de["beispiele"]["vorlage"]["beschreibung"]],
                vorlage=vorlage,
            )
        self.translate(
            vorlage,
            lambda lang: {
                "titel": self.text(lang, "beispiele", "vorlage", "titel"),
                "beschreibung": paragraphs_html(self.text(lang, "beispiele", "vorlage", "beschreibung")),
            },
        )
        for slug, struktur in self.struktur["beispiele"]["sitzungen"].items():
            self.seed_beispiel_sitzung(slug, struktur, rat=rat, ort=ort, vorlage=vorlage)

    def seed_beispiel_sitzung(self, slug: str, struktur: dict, *, rat: Gremium, ort: Ort, vorlage: Vorlage) -> None:
        texte = self.de["beispiele"]["sitzungen"][slug]
        # By slug alone, as the example events: a later run finds the meeting it made before.
        sitzung = Sitzung.objects.filter(slug=slug).first()
        if sitzung is None:
            sitzung = Sitzung.objects.create(
                slug=slug,
                titel_de=texte["titel"],
                kurztext_de=texte["kurztext"],
                datum=timezone.localdate() + datetime.timedelta(days=struktur["tage"]),
                beginn=struktur["beginn"],
                ort=ort,
                gremium=rat,
                status=struktur["status"],
                veroeffentlicht=True,
            )
            self.created += 1
        if not sitzung.tagesordnungspunkte.exists():
            for position, (top, top_texte) in enumerate(zip(struktur["tops"], texte["tops"], strict=True), start=1):
                Tagesordnungspunkt.objects.create(
                    sitzung=sitzung,
                    nummer=top["nummer"],
                    reihenfolge=position * 10,
                    titel_de=top_texte["titel"],
                    oeffentlich=top["oeffentlich"],
                    vorlage=vorlage if top.get("vorlage") else None,
                    ergebnis_de=top_texte.get("ergebnis", ""),
                    beschluss_de=paragraphs_html(top_texte["beschluss"]) if "beschluss" in top_texte else "",
                )
            for art in struktur["dokumente"]:
                self.beispiel_dokument(
                    name=f"{Dokument.Art(art).label}: {sitzung.titel_de}",
                    art=art,
                    datum=sitzung.datum - datetime.timedelta(days=14)
                    if art == Dokument.Art.EINLADUNG
                    else sitzung.datum,
                    zeilen=self.beispiel_tagesordnung(sitzung),
                    sitzung=sitzung,
                )
        for position, top in enumerate(sitzung.tagesordnungspunkte.all()):
            self.translate(top, lambda lang, position=position: self.top_texte(lang, slug, position))
        self.translate(
            sitzung,
            lambda lang: {
                field: self.text(lang, "beispiele", "sitzungen", slug, field) for field in ("titel", "kurztext")
            },
        )

    def top_texte(self, lang: str, slug: str, position: int) -> dict[str, str]:
        """An example agenda item's texts in `lang` (the fields its German entry has), the decision formatted."""
        felder = self.de["beispiele"]["sitzungen"][slug]["tops"][position]
        texte = {feld: self.text(lang, "beispiele", "sitzungen", slug, "tops", position, feld) for feld in felder}
        if "beschluss" in texte:
            texte["beschluss"] = paragraphs_html(texte["beschluss"])
        return texte

    def beispiel_tagesordnung(self, sitzung: Sitzung) -> list[str]:
        """The lines of an example invitation or minutes: when, where, the agenda, and that it is an example."""
        zeilen = [f"{sitzung.datum:%d.%m.%Y}, {sitzung.beginn:%H:%M} Uhr, {sitzung.ort.name_de}", ""]
        zeilen += [
            f"TOP {top.nummer}: {top.titel_de if top.oeffentlich else 'nicht öffentlich'}"
            for top in sitzung.tagesordnungspunkte.all()
        ]
        return [*zeilen, "", self.de["beispiele"]["hinweis"]]

    def beispiel_dokument(self, *, name: str, art: str, datum, zeilen: list[str], **owner) -> None:
        inhalt = beispiel_pdf(ueberschrift=name, zeilen=zeilen)
        datei = ContentFile(inhalt, name=f"{slugify(name)[:80]}.pdf")
        Dokument.objects.create(name=name, art=art, datum=datum, oeffentlich=True, datei=datei, **owner)
        self.created += 1
