"""What the data migrations to formatted text share (themen 0004, veranstaltungen 0004, seiten 0003, anfragen 0007).

Plain text becomes HTML in every language without losing a word: paragraphs
separated by a blank line become <p> (a single line break <br>, exactly as the
pages showed it with |linebreaks), one point per line becomes a list. The
translation states move along: a translation that was current stays current,
an outdated one stays outdated (the fingerprints change their algorithm with
the formatting, see inhalte.models.fingerprint).

Both ways: `revert` turns formatted text back into plain text as it was
written before (a rolled-back release shows it as before), and `convert`
leaves text that already is HTML as it is, so rolling back and forward again
never escapes it twice. What only formatting said (bold, a heading) is lost
on the way back; the words are not.
"""

import hashlib
import re
from collections.abc import Callable

from django.conf import settings

from inhalte.models import fingerprint
from inhalte.richtext import plain_text, sanitize, split_lines

LANGUAGES = [code for code, _name in settings.LANGUAGES]


def old_fingerprint(obj, translated: list[str]) -> str:
    """The fingerprint as it was computed before formatted text (the raw German values)."""
    values = [getattr(obj, f"{name}_{settings.LANGUAGE_CODE}") or "" for name in translated]
    return hashlib.sha256("\x1f".join(values).encode()).hexdigest()[:16]


def convert(
    apps,
    app_label: str,
    model_name: str,
    *,
    translated: list[str],
    formatted: dict[str, Callable],
) -> None:
    """Convert `formatted` ({field: function(value, obj) -> HTML}) in every language; keep translation states.

    `translated` names every translated field of the model, sorted as the model's fingerprint sorts them.
    """
    model = apps.get_model(app_label, model_name)
    for obj in model.objects.all():
        before = old_fingerprint(obj, translated)
        changed = ["uebersetzung_stand", "deutsch_stand"]
        for field, to_html in formatted.items():
            for name in [field] + [f"{field}_{lang}" for lang in LANGUAGES]:
                value = getattr(obj, name) or ""
                html = value if is_html(value) else to_html(value, obj)
                # Cleaned as every save cleans it, so that migrated text equals newly written text.
                setattr(obj, name, sanitize(html))
                changed.append(name)
        german = [getattr(obj, f"{name}_{settings.LANGUAGE_CODE}") or "" for name in translated]
        after = fingerprint(german, formatted=[name in formatted for name in translated])
        obj.uebersetzung_stand = {
            lang: (after if stand == before else stand) for lang, stand in obj.uebersetzung_stand.items()
        }
        obj.deutsch_stand = after
        obj.save(update_fields=changed)


def is_html(value: str) -> bool:
    """Formatted text already (written by the editor, or migrated before a rollback)."""
    return value.lstrip().startswith("<") and bool(re.match(r"\s*<(p|h[1-6]|ul|ol)[\s>]", value))


def as_lines(html: str) -> str:
    """A list (or any formatted text) as one point per line, the way lists were written before."""
    return "\n".join(split_lines(plain_text(html, bullet=""))) if html else ""


def as_paragraphs(html: str) -> str:
    """Formatted text as paragraphs separated by a blank line (list items as "- " lines)."""
    return plain_text(html) if html else ""


def revert(
    apps,
    app_label: str,
    model_name: str,
    *,
    translated: list[str],
    formatted: dict[str, Callable],
) -> None:
    """The reverse of `convert`: `formatted` ({field: function(html, obj) -> plain text}) back to plain text.

    Translation states move back to the old fingerprints: current stays current, outdated stays outdated.
    """
    model = apps.get_model(app_label, model_name)
    for obj in model.objects.all():
        current = obj.deutsch_stand
        changed = ["uebersetzung_stand"]
        for field, to_plain in formatted.items():
            for name in [field] + [f"{field}_{lang}" for lang in LANGUAGES]:
                value = getattr(obj, name) or ""
                setattr(obj, name, to_plain(value, obj) if is_html(value) else value)
                changed.append(name)
        before = old_fingerprint(obj, translated)
        obj.uebersetzung_stand = {
            lang: (before if stand == current else stand) for lang, stand in obj.uebersetzung_stand.items()
        }
        obj.save(update_fields=changed)


def constraints_checked_at_once(schema_editor) -> None:
    """PostgreSQL checks foreign keys at the end of the transaction; a table changed by a data
    migration can then not be altered in the same one ("pending trigger events"). Checked at
    once instead, the data and the schema change can share the migration (both directions)."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute("SET CONSTRAINTS ALL IMMEDIATE")
