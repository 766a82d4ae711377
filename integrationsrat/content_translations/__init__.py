"""Translations of the starting content in `integrationsrat.content`, one module per language.

Each module (en.py, tr.py, ar.py, uk.py, ru.py) mirrors the German structure:

    THEMEN = {slug: {"titel": str, "kurztext": str, "punkte": [str, ...]}}   # same points, same order
    AUFGABEN = [str] * 7                                                      # the seven tasks, same order
    SITZUNG_2024 = {"titel": str, "kurztext": str}
    RUECKBLICK_2024 = {"titel": str, "einleitung": str}
    THEMENBEREICHE = [str, ...]                                               # same order as German
    SEITEN = {key: {"titel": str, "einleitung": str, "abschnitte": [{"ueberschrift": str, "zeilen": [str]}]}}
    BEISPIEL_HINWEIS = str
    BEISPIEL_ORT = {"name": str}
    BEISPIELE = {slug: {"titel": str, "kurztext": str}}

`seed_content` fills a translation only where the field is still empty, so
staff corrections made in the admin are never overwritten.
"""

import importlib

LANGUAGES = ("en", "tr", "ar", "uk", "ru")


def load(lang: str):
    return importlib.import_module(f"integrationsrat.content_translations.{lang}")
