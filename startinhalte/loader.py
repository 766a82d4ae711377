"""The portal's starting content as data files in `daten/`, read by `manage.py seed_content`.

- `de.toml`: every text in German, the source language, keyed by stable names
  (topic slugs, page keys, section names), never by position.
- `en.toml`, `tr.toml`, `ar.toml`, `uk.toml`, `ru.toml`: the same keys with the
  same number of list entries, translated (`key_paths` is what the test compares).
- `leichte_sprache.toml`: the pages in Leichte Sprache, German by definition.
- `struktur.toml`: what is not text (dates, list styles, demo offsets), keyed
  like the texts.

Data files rather than Python: translators edit text without touching code, TOML
allows comments and multi-line text, Python reads it without a dependency
(tomllib), and nothing in the content can run.
"""

import tomllib
from pathlib import Path
from typing import Any

ORDNER = Path(__file__).resolve().parent / "daten"


def load(name: str) -> dict[str, Any]:
    """The data file `<name>.toml` ("de", "en", ..., "leichte_sprache", "struktur")."""
    with (ORDNER / f"{name}.toml").open("rb") as datei:
        return tomllib.load(datei)


def is_text(value: Any) -> bool:
    """A non-blank string, or a non-empty list of them: what every entry of a text file must be."""
    if isinstance(value, list):
        return bool(value) and all(isinstance(item, str) and item.strip() for item in value)
    return isinstance(value, str) and bool(value.strip())


def key_paths(data: Any, prefix: tuple = ()) -> set[tuple]:
    """Every path to a text in `data`: dict keys, and list positions (so lists must be as long)."""
    if isinstance(data, dict):
        return set().union(*(key_paths(value, (*prefix, key)) for key, value in data.items())) if data else {prefix}
    if isinstance(data, list):
        return set().union(*(key_paths(value, (*prefix, index)) for index, value in enumerate(data))) or {prefix}
    return {prefix}
