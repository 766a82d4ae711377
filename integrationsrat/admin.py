"""Admin pieces shared by the apps' admins."""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

BILD_FIELDSET = (
    _("Bild"),
    {
        "fields": ("bild", "bild_alt", "bild_dekorativ"),
        "description": _("Optional. Ein Bild braucht eine kurze Beschreibung für Menschen, die es nicht sehen."),
    },
)


class PublicPageAdminMixin:
    """A "Seite ansehen" column: staff preview drafts exactly as the public will see them."""

    @admin.display(description=_("Öffentliche Seite"))
    def vorschau_link(self, obj):
        label = _("ansehen") if obj.veroeffentlicht else _("Vorschau")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label)
