"""The Textbausteine the advice team starts with: seeded in all six languages, never sent with a gap left open."""

from io import StringIO

import pytest
from django.conf import settings
from django.core.management import call_command

from anfragen.models import Textbaustein
from anfragen.services import PLATZHALTER

pytestmark = pytest.mark.django_db


def test_seed_content_brings_three_snippets_in_every_language_once():
    call_command("seed_content", stdout=StringIO())
    call_command("seed_content", stdout=StringIO())
    bausteine = list(Textbaustein.objects.all())
    assert [b.titel_de for b in bausteine] == [
        "Eingang bestätigen",
        "Unterlagen mitbringen",
        "An eine andere Stelle verweisen",
    ]
    for baustein in bausteine:
        texte = {code: getattr(baustein, f"text_{code}") for code, _name in settings.LANGUAGES}
        assert all(texte.values()) and len(set(texte.values())) == len(texte), baustein
        assert all(code == "de" or baustein.uebersetzungsstand(code) == "aktuell" for code in texte)
    # The gaps staff must fill are marked the same way in every language, so an answer cannot go out with one.
    unterlagen = Textbaustein.objects.get(titel_de="Unterlagen mitbringen")
    assert all(PLATZHALTER in unterlagen.text_in(code) for code, _name in settings.LANGUAGES)
    assert unterlagen.text_in("andere") == unterlagen.text_de
