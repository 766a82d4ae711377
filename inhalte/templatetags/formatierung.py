"""Showing formatted text (inhalte.fields.FormatierterTextField)."""

from django import template
from django.utils.safestring import mark_safe

from inhalte import richtext

register = template.Library()


@register.filter
def formatiert(value: str) -> str:
    """Formatted text as HTML, cleaned once more: what was stored by other means than a save is safe too."""
    return mark_safe(richtext.sanitize(value, ueberschriften=(2, 3, 4)))  # noqa: S308 (sanitized)
