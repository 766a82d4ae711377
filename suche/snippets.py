"""Snippets where the database makes none (SQLite): the text around the first matched word, words marked."""

import re

from suche.models import START_MARK, STOP_MARK

CONTEXT = 90


def text_snippet(text: str, woerter: list[str]) -> str:
    pattern = re.compile("|".join(re.escape(wort) for wort in woerter), re.IGNORECASE)
    found = pattern.search(text)
    if found is None:
        return ""
    start = max(0, found.start() - CONTEXT)
    end = min(len(text), found.end() + CONTEXT)
    ausschnitt = ("… " if start else "") + text[start:end].strip() + (" …" if end < len(text) else "")
    return pattern.sub(lambda m: f"{START_MARK}{m.group(0)}{STOP_MARK}", ausschnitt)


def mark_words(entries, woerter: list[str]) -> None:
    """Give each entry without a database-made snippet one of its own."""
    for entry in entries:
        if not hasattr(entry, "ausschnitt"):
            entry.ausschnitt = text_snippet(f"{entry.zusammenfassung}\n{entry.text}", woerter)
