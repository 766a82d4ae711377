"""The UI is fully translated, and the compiled catalogs match their sources."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.conf import settings

ROOT = Path(settings.BASE_DIR)
LANGS = [code for code, _name in settings.LANGUAGES if code != settings.LANGUAGE_CODE]
PLACEHOLDER = re.compile(r"%\(\w+\)[sd]|%[sd]")


def catalog(lang: str, root: Path = ROOT) -> polib.POFile:
    return polib.pofile(str(root / "locale" / lang / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("lang", LANGS)
def test_catalog_is_complete_and_keeps_placeholders(lang):
    po = catalog(lang)
    assert [e.msgid for e in po.untranslated_entries()] == []
    assert [e.msgid for e in po.fuzzy_entries()] == []
    for entry in po.translated_entries():
        translations = entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]
        for text in translations:
            assert sorted(PLACEHOLDER.findall(text)) == sorted(PLACEHOLDER.findall(entry.msgid)), entry.msgid


@pytest.mark.parametrize("lang", [*LANGS, "de"])
def test_compiled_catalog_matches_its_source(lang):
    # The .mo files are committed so `make run` needs no gettext; this catches
    # a .po edited without `make messages`.
    po = catalog(lang)
    mo = polib.mofile(str(ROOT / "locale" / lang / "LC_MESSAGES" / "django.mo"))
    compiled = {e.msgid: e.msgstr for e in mo}
    stale = [e.msgid for e in po.translated_entries() if not e.msgid_plural and compiled.get(e.msgid) != e.msgstr]
    assert stale == [], f"run `make messages`: {stale[:5]}"


def test_makemessages_finds_no_new_or_untranslated_string(tmp_path):
    """Run makemessages on a copy of the project: every UI string must be in every catalog, translated."""
    if not shutil.which("xgettext"):
        if os.environ.get("CI") == "true":
            pytest.fail("xgettext missing: CI must install gettext (see .ci/run)")
        pytest.skip("gettext not installed")
    copy = tmp_path / "project"
    shutil.copytree(
        ROOT,
        copy,
        ignore=shutil.ignore_patterns(
            ".venv", ".git", "node_modules", "media", "staticfiles", "test-artifacts", "*.pyc"
        ),
    )
    env = {**os.environ, "DJANGO_SECRET_KEY": "x", "DJANGO_SETTINGS_MODULE": "integrationsrat.settings"}
    args = ["--ignore=tests", "--ignore=scripts", "--add-location=file"]
    for lang in LANGS:
        subprocess.run(
            [sys.executable, "manage.py", "makemessages", "-l", lang, *args],
            cwd=copy,
            env=env,
            check=True,
            capture_output=True,
        )
        po = catalog(lang, copy)
        missing = [e.msgid for e in po.untranslated_entries() + po.fuzzy_entries()]
        assert missing == [], f"{lang}: run makemessages and translate: {missing[:5]}"
