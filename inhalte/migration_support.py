"""What the data migrations to formatted text share (themen 0004, veranstaltungen 0004, seiten 0003, anfragen 0007).

Plain text becomes HTML in every language without losing a word: paragraphs
separated by a blank line become <p> (a single line break <br>, exactly as the
pages showed it with |linebreaks), one point per line becomes a list. The
translation states move along: a translation that was current stays current,
an outdated one stays outdated (the fingerprints change their algorithm with
the formatting, see inhalte.models.fingerprint).
"""

import hashlib
from collections.abc import Callable

from django.conf import settings

from inhalte.models import fingerprint
from inhalte.richtext import sanitize

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
                # Cleaned as every save cleans it, so that migrated text equals newly written text.
                setattr(obj, name, sanitize(to_html(getattr(obj, name) or "", obj)))
                changed.append(name)
        german = [getattr(obj, f"{name}_{settings.LANGUAGE_CODE}") or "" for name in translated]
        after = fingerprint(german, formatted=[name in formatted for name in translated])
        obj.uebersetzung_stand = {
            lang: (after if stand == before else stand) for lang, stand in obj.uebersetzung_stand.items()
        }
        obj.deutsch_stand = after
        obj.save(update_fields=changed)
