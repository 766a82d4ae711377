"""How an event's date and time read on a page, in the visitor's language."""

from django import template
from django.utils.formats import date_format, time_format
from django.utils.html import format_html
from django.utils.translation import gettext

from veranstaltungen.models import Veranstaltung

register = template.Library()


def _uhrzeit(v: Veranstaltung) -> str:
    if v.beginn and v.ende:
        return ", " + gettext("%(von)s–%(bis)s Uhr") % {
            "von": time_format(v.beginn, "H:i"),
            "bis": time_format(v.ende, "H:i"),
        }
    if v.beginn:
        return ", " + gettext("%(von)s Uhr") % {"von": time_format(v.beginn, "H:i")}
    if v.uhrzeit_offen:
        return " (" + gettext("Uhrzeit wird noch bekanntgegeben") + ")"
    return ""


@register.simple_tag
def veranstaltung_zeit(v: Veranstaltung) -> str:
    """ "Donnerstag, 14. November 2024, 18:00–19:30 Uhr", the date as a machine-readable <time>."""
    return format_html(
        '<time datetime="{}">{}, {}</time>{}',
        v.zeitpunkt_iso,
        date_format(v.datum, "l"),
        date_format(v.datum, "DATE_FORMAT"),
        _uhrzeit(v),
    )


@register.simple_tag
def veranstaltung_zeit_text(v: Veranstaltung) -> str:
    """The same as plain text, for mails."""
    return f"{date_format(v.datum, 'l')}, {date_format(v.datum, 'DATE_FORMAT')}{_uhrzeit(v)}"
