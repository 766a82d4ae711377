"""Admin pieces shared by the apps' admins."""

from django.conf import settings
from django.contrib import admin
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.utils import build_localized_fieldname

from inhalte.models import Uebersetzungsstand, other_languages

BILD_FIELDSET = (
    _("Bild"),
    {
        "fields": ("bild", "bild_alt", "bild_dekorativ"),
        "description": _("Optional. Ein Bild braucht eine kurze Beschreibung für Menschen, die es nicht sehen."),
    },
)

STAND_LABEL = {
    Uebersetzungsstand.AKTUELL: "✓",
    Uebersetzungsstand.VERALTET: _("veraltet"),
    Uebersetzungsstand.FEHLT: _("fehlt"),
}


class PublicPageAdminMixin:
    """A "Seite ansehen" column: staff preview drafts exactly as the public will see them."""

    @admin.display(description=_("Öffentliche Seite"))
    def vorschau_link(self, obj):
        label = _("ansehen") if obj.veroeffentlicht else _("Vorschau")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label)


class LanguageGroupsMixin:
    """Show the German fields where the admin declares them, then one group per language.

    Editors write German first; each translation sits in its own collapsible
    group ("English – Übersetzung") that says whether it is missing or outdated.
    No JavaScript and nothing from a CDN (modeltranslation's tabbed admin loads jQuery UI from one).
    """

    def _german(self, field):
        if isinstance(field, (tuple, list)):
            return tuple(self._german(f) for f in field)
        if field in self.trans_opts.all_fields:
            return build_localized_fieldname(field, settings.LANGUAGE_CODE)
        return field

    def _declared_translated_fields(self, fieldsets):
        names = []
        for _name, options in fieldsets:
            for field in options["fields"]:
                for f in field if isinstance(field, (tuple, list)) else (field,):
                    if f in self.trans_opts.all_fields:
                        names.append(f)
        return names

    def get_fieldsets(self, request, obj=None):
        declared = self.declared_fieldsets()
        german = [(name, {**options, "fields": self._german(options["fields"])}) for name, options in declared]
        groups = []
        for code, language in other_languages():
            stand = obj.uebersetzungsstand(code) if obj is not None and hasattr(obj, "uebersetzungsstand") else None
            description = {
                Uebersetzungsstand.FEHLT: _("Noch nicht übersetzt: Besucher sehen den deutschen Text."),
                Uebersetzungsstand.VERALTET: _(
                    "Veraltet: Der deutsche Text wurde nach dieser Übersetzung geändert. Bitte prüfen und speichern."
                ),
            }.get(stand, "")
            groups.append(
                (
                    format_html("{} – {}", language, _("Übersetzung")),
                    {
                        "fields": [
                            build_localized_fieldname(f, code) for f in self._declared_translated_fields(declared)
                        ],
                        "classes": ("collapse",),
                        "description": description,
                    },
                )
            )
        return german + groups

    def declared_fieldsets(self):
        if self.fieldsets:
            return self.fieldsets
        return [(None, {"fields": self.fields})]

    @admin.display(description=_("Übersetzungen"))
    def uebersetzungen(self, obj):
        return format_html_join(
            " · ",
            "{}&nbsp;{}",
            ((code.upper(), STAND_LABEL[stand]) for code, stand in obj.uebersetzungsstaende().items()),
        )


class UebersetzungAdmin(LanguageGroupsMixin, TranslationAdmin):
    pass


class UebersetzungStackedInline(LanguageGroupsMixin, TranslationStackedInline):
    pass
