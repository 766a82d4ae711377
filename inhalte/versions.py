"""The history of content (django-reversion) as staff read it: what changed between two saves.

django-reversion keeps every save of public content as a revision (the object
and the objects saved with it, such as a page's sections); this module only
compares two of them, field by field, word by word (difflib), in the words a
reader sees (formatted text without its tags).

Images are not part of the history (see VersionenMixin.reversion_register in inhalte.admin):
a restored version keeps the current image, so an image removed because a
person withdrew consent can never come back through the history.
"""

import datetime
import difflib
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext
from reversion.models import Version

from inhalte import richtext
from inhalte.fields import FormatierterTextField


@dataclass
class Aenderung:
    """One field of one object that differs between two versions."""

    objekt: str
    eigenes: bool  # a field of the object itself, not of one saved with it (a page's section)
    feld: str
    vorher: SafeString
    nachher: SafeString


def _shown(field, value) -> str:
    """A stored value as the form shows it: a choice's label, the linked object's name, a local date."""
    if field.choices:
        return str(dict(field.flatchoices).get(value, value))
    if field.many_to_one:
        linked = field.related_model._base_manager.filter(pk=value).first()
        return str(linked) if linked is not None else gettext("(gelöscht)")
    if isinstance(value, bool):
        return gettext("ja") if value else gettext("nein")
    if isinstance(value, datetime.datetime):
        return date_format(timezone.localtime(value) if timezone.is_aware(value) else value, "DATETIME_FORMAT")
    if isinstance(value, datetime.date):
        return date_format(value, "DATE_FORMAT")
    if isinstance(value, datetime.time):
        return date_format(value, "TIME_FORMAT")
    if isinstance(field, FormatierterTextField):
        return richtext.plain_text(str(value))
    return str(value)


def _words(model, name: str, value) -> list[str]:
    """The words of a field's value, with "\n" between its lines (paragraphs, list items)."""
    if value is None or value == "":
        return []
    text = _shown(model._meta.get_field(name), value)
    words: list[str] = []
    for number, line in enumerate(text.split("\n")):
        if number:
            words.append("\n")
        words.extend(line.split())
    return words


def _marked(words: list[str], spans, tag: str) -> SafeString:
    """The words as HTML, the changed spans wrapped in `tag` (<del> or <ins>)."""
    parts = []
    for kind, start, end in spans:
        chunk = " ".join("<br>" if word == "\n" else escape(word) for word in words[start:end])
        if chunk:
            parts.append(chunk if kind == "equal" else f"<{tag}>{chunk}</{tag}>")
    return mark_safe(" ".join(parts))  # noqa: S308 (every word escaped above)


# Kept by the code, not written by staff: no line of their own in a comparison.
BOOKKEEPING = {"geaendert_am", "uebersetzung_stand", "deutsch_stand"}


def _order(model, name: str) -> int:
    """The field's place in the form (-1: no longer a field of the model)."""
    try:
        return model._meta.get_field(name).creation_counter
    except FieldDoesNotExist:
        return -1


def compare(older: Version, newer: Version) -> list[Aenderung]:
    """What changed from the revision of `older` to that of `newer`, for every object saved in either."""

    def by_object(version: Version) -> dict:
        return {(v.content_type_id, v.object_id): v for v in version.revision.version_set.all()}

    before, after = by_object(older), by_object(newer)
    changes = []
    itself = (newer.content_type_id, newer.object_id)
    for key in sorted(before.keys() | after.keys(), key=lambda k: (k != itself, k)):
        old, new = before.get(key), after.get(key)
        model = (new or old).content_type.model_class()
        # A translated field's original mirrors its German field: shown once, as the German one.
        skip = BOOKKEEPING | set(getattr(model, "translated_field_names", list)())
        old_fields, new_fields = (old.field_dict if old else {}), (new.field_dict if new else {})
        for name in sorted(old_fields.keys() | new_fields.keys(), key=lambda n: _order(model, n)):
            if old_fields.get(name) == new_fields.get(name) or name in skip or _order(model, name) < 0:
                continue
            a, b = _words(model, name, old_fields.get(name)), _words(model, name, new_fields.get(name))
            opcodes = difflib.SequenceMatcher(a=a, b=b, autojunk=False).get_opcodes()
            changes.append(
                Aenderung(
                    objekt=(new or old).object_repr,
                    eigenes=key == itself,
                    feld=str(model._meta.get_field(name).verbose_name),
                    vorher=_marked(a, [(op, i1, i2) for op, i1, i2, _j1, _j2 in opcodes], "del"),
                    nachher=_marked(b, [(op, j1, j2) for op, _i1, _i2, j1, j2 in opcodes], "ins"),
                )
            )
    return changes
