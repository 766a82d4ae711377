"""Plain text of before the editor becomes formatted text without loss, in all six languages.

The starting content is written as the portal stored it before (paragraphs
separated by blank lines, one point per line, a list style per page section,
translation states of the old fingerprints), the data migrations run, and the
result must equal what `seed_content` writes today, field by field.
"""

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from inhalte.migration_support import old_fingerprint
from inhalte.models import Uebersetzungsstand
from seiten.models import Seite
from startinhalte import loader
from themen.models import Jahresrueckblick, Thema

BEFORE = [
    ("themen", "0003_veroeffentlichbar"),
    ("veranstaltungen", "0003_veroeffentlichbar"),
    ("seiten", "0002_veroeffentlichbar"),
    ("anfragen", "0006_suche_trigramm"),
]
LANGS = [code for code, _name in settings.LANGUAGES]
OTHERS = [code for code in LANGS if code != settings.LANGUAGE_CODE]


def translated(obj, values: dict[str, dict[str, str]], fields: list[str]) -> None:
    """Set `values` ({lang: {field: text}}) and the translation states the old code stored for them."""
    for lang, texts in values.items():
        for field, text in texts.items():
            setattr(obj, f"{field}_{lang}", text)
            if lang == settings.LANGUAGE_CODE:
                setattr(obj, field, text)
    stand = old_fingerprint(obj, fields)
    obj.uebersetzung_stand = {lang: stand for lang in OTHERS if any(values.get(lang, {}).values())}
    obj.save()


def write_plain_seed(apps) -> None:
    """The starting content as the seed of before the editor stored it (no examples)."""
    texte = {lang: loader.load(lang) for lang in LANGS}
    struktur = loader.load("struktur")
    Thema = apps.get_model("themen", "Thema")
    for position, slug in enumerate(texte["de"]["themen"], start=1):
        thema = Thema(slug=slug, reihenfolge=position * 10, veroeffentlicht=True)
        values = {
            lang: {
                "titel": texte[lang]["themen"][slug]["titel"],
                "kurztext": texte[lang]["themen"][slug]["kurztext"],
                "punkte": "\n".join(texte[lang]["themen"][slug]["punkte"]),
            }
            for lang in LANGS
        }
        translated(thema, values, ["beschreibung", "bild_alt", "kurztext", "punkte", "titel"])
    rueckblick = apps.get_model("themen", "Jahresrueckblick")(
        jahr=struktur["rueckblick_2024"]["jahr"], veroeffentlicht=True
    )
    values = {lang: {f: texte[lang]["rueckblick_2024"][f] for f in ("titel", "einleitung")} for lang in LANGS}
    translated(rueckblick, values, ["einleitung", "titel"])
    Seite, Abschnitt = apps.get_model("seiten", "Seite"), apps.get_model("seiten", "Abschnitt")
    leichte_sprache = loader.load("leichte_sprache")["seiten"]
    for schluessel in [*texte["de"]["seiten"], *leichte_sprache]:
        langs = ["de"] if schluessel in leichte_sprache else LANGS
        quelle = {lang: (leichte_sprache if schluessel in leichte_sprache else texte[lang]["seiten"]) for lang in langs}
        seite = Seite(schluessel=schluessel, veroeffentlicht=True)
        values = {lang: {f: quelle[lang][schluessel][f] for f in ("titel", "einleitung")} for lang in langs}
        translated(seite, values, ["einleitung", "titel"])
        for position, name in enumerate(quelle["de"][schluessel]["abschnitte"], start=1):
            darstellung = struktur["seiten"][schluessel]["abschnitte"][name]
            trenner = "\n\n" if darstellung == "absaetze" else "\n"
            abschnitt = Abschnitt(seite=seite, darstellung=darstellung, reihenfolge=position * 10)
            values = {
                lang: {
                    "ueberschrift": quelle[lang][schluessel]["abschnitte"][name]["ueberschrift"],
                    "text": trenner.join(quelle[lang][schluessel]["abschnitte"][name]["zeilen"]),
                }
                for lang in langs
            }
            translated(abschnitt, values, ["text", "ueberschrift"])


def write_plain_extras(apps) -> None:
    """An event with plain text in some languages and none in others, and a request topic."""
    event = apps.get_model("veranstaltungen", "Veranstaltung")(
        slug="alt", datum="2024-05-01", titel="Alt", veroeffentlicht=True
    )
    values = {
        "de": {"titel": "Alt", "kurztext": "Kurz", "beschreibung": "Zeile eins\nZeile zwei\n\nAbsatz & mehr"},
        "en": {"titel": "Old", "kurztext": "Short", "beschreibung": "Line one\nLine two\n\nParagraph & more"},
        "tr": {"titel": "Eski", "kurztext": "", "beschreibung": None},
    }
    translated(event, values, ["beschreibung", "bild_alt", "kurztext", "titel"])
    bereich = apps.get_model("anfragen", "Themenbereich")(reihenfolge=1)
    translated(bereich, {"de": {"name": "Wohnen"}, "ar": {"name": "السكن"}}, ["name"])


def snapshot() -> dict:
    """Every formatted text in every language, and every translation state, of the starting content."""
    found = {}
    for thema in Thema.objects.all():
        for lang in LANGS:
            found[("thema", thema.slug, lang)] = (
                getattr(thema, f"punkte_{lang}"),
                getattr(thema, f"beschreibung_{lang}"),
            )
        found[("thema", thema.slug, "stand")] = thema.uebersetzungsstaende()
    for rueckblick in Jahresrueckblick.objects.all():
        for lang in LANGS:
            found[("rueckblick", rueckblick.jahr, lang)] = getattr(rueckblick, f"einleitung_{lang}")
        found[("rueckblick", rueckblick.jahr, "stand")] = rueckblick.uebersetzungsstaende()
    for seite in Seite.objects.prefetch_related("abschnitte"):
        for lang in LANGS:
            found[("seite", seite.schluessel, lang)] = getattr(seite, f"einleitung_{lang}")
            for abschnitt in seite.abschnitte.all():
                found[("abschnitt", seite.schluessel, abschnitt.reihenfolge, lang)] = getattr(abschnitt, f"text_{lang}")
        found[("seite", seite.schluessel, "stand")] = seite.uebersetzungsstaende()
        for abschnitt in seite.abschnitte.all():
            found[("abschnitt", seite.schluessel, abschnitt.reihenfolge, "stand")] = abschnitt.uebersetzungsstaende()
    return found


def content_models_emptied() -> None:
    for model in (Thema, Jahresrueckblick, Seite):
        model.objects.all().delete()


@pytest.mark.django_db(transaction=True)
def test_the_seeded_plain_text_migrates_to_the_formatted_text_of_today_in_all_languages():
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    write_plain_seed(executor.loader.project_state(BEFORE).apps)
    # One translation was outdated before: it must stay outdated.
    alt = executor.loader.project_state(BEFORE).apps.get_model("themen", "Thema").objects.order_by("pk").first()
    alt.uebersetzung_stand = {**alt.uebersetzung_stand, "en": "0000000000000000"}
    alt.save()

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    migrated = snapshot()
    assert migrated[("thema", alt.slug, "stand")]["en"] == Uebersetzungsstand.VERALTET
    migrated[("thema", alt.slug, "stand")]["en"] = Uebersetzungsstand.AKTUELL

    content_models_emptied()
    call_command("seed_content", verbosity=0)
    fresh = snapshot()
    assert migrated.keys() == fresh.keys()
    assert [key for key in fresh if migrated[key] != fresh[key]] == []
    # what was checked: lists and paragraphs in every language
    assert migrated[("thema", alt.slug, "ar")][0].startswith("<ul><li>")
    assert any(key[-1] == "uk" and "<p>" in value for key, value in migrated.items() if key[0] == "seite")


def plain_snapshot(apps) -> dict:
    """The plain texts and translation states of before the editor, read through the old models."""
    found = {}
    for model_name, key, fields in (
        ("themen.Thema", "slug", ("punkte", "beschreibung")),
        ("themen.Jahresrueckblick", "jahr", ("einleitung",)),
        ("seiten.Seite", "schluessel", ("einleitung",)),
        ("seiten.Abschnitt", "pk", ("text", "darstellung")),
        ("anfragen.Themenbereich", "pk", ()),
        ("veranstaltungen.Veranstaltung", "slug", ("beschreibung",)),
    ):
        for obj in apps.get_model(model_name).objects.all():
            for field in fields:
                for lang in LANGS if field != "darstellung" else [None]:
                    name = f"{field}_{lang}" if lang else field
                    found[(model_name, getattr(obj, key), name)] = getattr(obj, name) or ""
            found[(model_name, getattr(obj, key), "stand")] = obj.uebersetzung_stand
    return found


@pytest.mark.django_db(transaction=True)
def test_a_rolled_back_release_gets_its_plain_text_back_and_forward_again_changes_nothing():
    """Found in review: the reverse was a no-op, and forward again escaped the HTML a second time."""
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    write_plain_seed(executor.loader.project_state(BEFORE).apps)
    write_plain_extras(executor.loader.project_state(BEFORE).apps)
    before = plain_snapshot(executor.loader.project_state(BEFORE).apps)

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    migrated = snapshot()
    from anfragen.models import Themenbereich
    from veranstaltungen.models import Veranstaltung

    event = Veranstaltung.objects.get(slug="alt")
    assert event.beschreibung_de == "<p>Zeile eins<br>Zeile zwei</p>\n\n<p>Absatz &amp; mehr</p>"
    assert event.beschreibung_tr in (None, "") and event.uebersetzungsstaende()["en"] == Uebersetzungsstand.AKTUELL
    assert Themenbereich.objects.get().uebersetzungsstaende()["ar"] == Uebersetzungsstand.AKTUELL
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    assert plain_snapshot(executor.loader.project_state(BEFORE).apps) == before
    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())
    assert snapshot() == migrated
