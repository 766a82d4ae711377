"""Admin pieces shared by the apps' admins: translations, publishing, history.

A content app's admin inherits `UebersetzungAdmin` (history, translation
groups) and, for publishable content, `VeroeffentlichungAdminMixin` with
`VEROEFFENTLICHUNG_FIELDSET`; that is all a new content type needs.
"""

import reversion
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import ObjectDoesNotExist, PermissionDenied
from django.db import IntegrityError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.translation import get_language_info
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline
from modeltranslation.utils import build_localized_fieldname
from reversion.admin import VersionAdmin
from reversion.models import Version

from inhalte import versions
from inhalte.models import (
    BildMixin,
    UebersetzbarMixin,
    Uebersetzungsstand,
    image_field_names,
    images_kept,
    keep_current_image,
    other_languages,
    translation_state,
)

BILD_FIELDSET = (
    _("Bild"),
    {
        "fields": ("bild", "bild_alt", "bild_dekorativ"),
        "description": _("Optional. Ein Bild braucht eine kurze Beschreibung für Menschen, die es nicht sehen."),
    },
)

VEROEFFENTLICHUNG_FIELDSET = (
    _("Veröffentlichung"),
    {
        "fields": ("veroeffentlicht", ("veroeffentlichen_ab", "veroeffentlichen_bis")),
        "description": _(
            "Mit „veröffentlicht“ ist es öffentlich zu sehen – ab und bis zu den Zeitpunkten darunter, "
            "wenn Sie welche eintragen. Niemand muss dann noch einmal speichern."
        ),
    },
)

STAND_LABEL = {
    Uebersetzungsstand.AKTUELL: "✓",
    Uebersetzungsstand.VERALTET: _("veraltet"),
    Uebersetzungsstand.FEHLT: _("fehlt"),
}


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


class UebersetzungFilter(admin.SimpleListFilter):
    """ "Übersetzung: Englisch fehlt / veraltet": the dashboard links to these lists."""

    title = _("Übersetzung")
    parameter_name = "uebersetzung"

    def lookups(self, request, model_admin):
        return [
            (f"{code}-{stand}", format_html("{}: {}", get_language_info(code)["name_translated"], label))
            for code, _name in other_languages()
            for stand, label in ((Uebersetzungsstand.FEHLT, _("fehlt")), (Uebersetzungsstand.VERALTET, _("veraltet")))
        ]

    def queryset(self, request, queryset):
        if self.value() not in {value for value, _label in self.lookup_choices}:
            return queryset  # no filter, or an unknown value from an old link: the whole list
        code, stand = self.value().split("-", 1)
        return translation_state(queryset, code, stand)


class SichtbarkeitFilter(admin.SimpleListFilter):
    title = _("Sichtbarkeit")
    parameter_name = "sichtbarkeit"

    def lookups(self, request, model_admin):
        return [
            ("oeffentlich", _("öffentlich")),
            ("geplant", _("geplant")),
            ("abgelaufen", _("abgelaufen")),
            ("entwurf", _("Entwurf")),
        ]

    def queryset(self, request, queryset):
        now = timezone.now()
        match self.value():
            case "oeffentlich":
                return queryset.published(now)
            case "geplant":
                return queryset.scheduled(now)
            case "abgelaufen":
                return queryset.ended(now)
            case "entwurf":
                return queryset.drafts()
        return queryset


def _moment(value) -> str:
    return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")


class VeroeffentlichungAdminMixin:
    """Publishable content: the "Sichtbar" column and filter, and a "Seite ansehen" column."""

    def get_list_filter(self, request):
        return (SichtbarkeitFilter, *super().get_list_filter(request))

    @admin.display(description=_("Sichtbar"), ordering="veroeffentlicht")
    def sichtbarkeit(self, obj):
        if not obj.veroeffentlicht:
            return _("Entwurf")
        if obj.erscheint_noch:
            return format_html("{} {}", _("ab"), _moment(obj.veroeffentlichen_ab))
        if obj.beendet:
            return _("abgelaufen")
        if obj.veroeffentlichen_bis:
            return format_html("{} {}", _("bis"), _moment(obj.veroeffentlichen_bis))
        return _("öffentlich")

    @admin.display(description=_("Öffentliche Seite"))
    def vorschau_link(self, obj):
        label = _("ansehen") if obj.oeffentlich else _("Vorschau")
        return format_html('<a href="{}" target="_blank" rel="noopener">{}</a>', obj.get_absolute_url(), label)


def _is_id(value: str) -> bool:
    # Digits only, and few enough for any database's integer (SQLite overflows on more).
    return value.isascii() and value.isdigit() and len(value) <= 18


def _version(version_id: str, **lookups) -> Version | None:
    return Version.objects.filter(pk=version_id, **lookups).first() if _is_id(str(version_id)) else None


class VersionenMixin(VersionAdmin):
    """Every save in the admin is a version (django-reversion): history, comparison of two, restore.

    The history page lists the versions with who saved them and when; two can
    be compared (inhalte.versions); "wiederherstellen" opens reversion's form of
    that version, which becomes current when saved (itself a new version).
    """

    object_history_template = "admin/inhalte/versionen.html"

    def reversion_register(self, model, **options):
        # Registered here, at the admin's start, when modeltranslation has added every language's field.
        # The image (with its texts) is not stored: an image removed because the person shown
        # withdrew consent must never come back through the history (see images_kept).
        images = image_field_names(model) if issubclass(model, BildMixin) else []
        # Personal data a model names (a member's contact) must not outlive its deletion in old versions.
        private = list(getattr(model, "NICHT_IN_VERSIONEN", ()))
        super().reversion_register(model, exclude=[*images, *private], **options)

    def _reversion_introspect_inline_admin(self, inline):
        # An inline whose rows keep no history (`versioniert = False`, e.g. documents: their
        # files are deleted for good) is not followed into the parent's versions.
        if getattr(inline, "versioniert", True) is False:
            return None, None
        return super()._reversion_introspect_inline_admin(inline)

    def get_urls(self):
        opts = self.model._meta
        return [
            path(
                "<path:object_id>/history/vergleich/",
                self.admin_site.admin_view(self.compare_view),
                name=f"{opts.app_label}_{opts.model_name}_vergleich",
            ),
            *super().get_urls(),
        ]

    def _versions(self, object_id):
        return Version.objects.get_for_object_reference(self.model, object_id).select_related(
            "revision", "revision__user"
        )

    def history_view(self, request, object_id, extra_context=None):
        opts = self.model._meta
        # Newest first, each with its id (to pick two for a comparison) and reversion's restore form.
        action_list = [
            {
                "version_id": version.pk,
                "revision": version.revision,
                "url": reverse(f"admin:{opts.app_label}_{opts.model_name}_revision", args=[object_id, version.pk]),
            }
            for version in self._versions(object_id).order_by("-revision__date_created", "-pk")
        ]
        context = {
            "action_list": action_list,
            "vergleich_url": reverse(f"admin:{opts.app_label}_{opts.model_name}_vergleich", args=[object_id]),
            **(extra_context or {}),
        }
        return super().history_view(request, object_id, context)

    def _restorable(self, request, version) -> bool:
        """A version of this admin's model, in a revision whose every part the user may change.

        reversion's views restore the whole revision a version id names before
        they show this admin's form: without this check, a version of another
        model (a topic, through the request topics' admin) could be restored by
        someone who may not edit it.
        """
        if version.content_type.model_class() is not self.model:
            return False
        for part in version.revision.version_set.select_related("content_type"):
            model = part.content_type.model_class()
            if model is None or not request.user.has_perm(f"{model._meta.app_label}.change_{model._meta.model_name}"):
                return False
        return True

    def _restore(self, request, view, version, *args):
        """Run reversion's restore `view`; images stay as they are, a version that cannot come back says why."""
        if version is None or not self._restorable(request, version):
            raise Http404
        opts = self.model._meta
        parts = [(v.content_type.model_class(), v.object_id) for v in version.revision.version_set.all()]
        try:
            with images_kept(parts):
                response = view(request, *args)
        except (ObjectDoesNotExist, IntegrityError):
            # e.g. a review's topic that has been deleted since
            messages.error(
                request,
                _("Diese Version lässt sich nicht wiederherstellen: Sie verweist auf etwas, das gelöscht wurde."),
            )
            return redirect(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        if request.method == "POST" and response.status_code == 302:
            messages.success(
                request,
                _("Die ältere Version ist wiederhergestellt und jetzt die aktuelle. Bilder bleiben, wie sie sind."),
            )
        return response

    def revision_view(self, request, object_id, version_id, extra_context=None):
        version = _version(version_id, object_id=unquote(object_id))
        return self._restore(request, super().revision_view, version, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        return self._restore(request, super().recover_view, _version(version_id), version_id, extra_context)

    def get_object(self, request, object_id, from_field=None):
        obj = super().get_object(request, object_id, from_field)
        if obj is not None:
            # The form of a version being restored shows (and keeps) the current image.
            keep_current_image(obj)
        return obj

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "POST":
            self._first_version(request, object_id)
        return super().change_view(request, object_id, form_url, extra_context)

    def _first_version(self, request, object_id) -> None:
        """Content made before the history (or by seed_content) gets its current state as a version first.

        Otherwise the first change in the admin could not be undone.
        """
        obj = self.get_object(request, unquote(object_id))
        if obj is None or not self.has_change_permission(request, obj) or self._versions(obj.pk).exists():
            return
        with reversion.create_revision():
            reversion.add_to_revision(obj)
            reversion.set_comment(_("Stand vor der ersten Änderung im Admin"))

    def compare_view(self, request, object_id):
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        obj = self.get_object(request, object_id)
        opts = self.model._meta
        history = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[object_id])
        wanted = [request.GET.get("von", ""), request.GET.get("bis", "")]
        ids = [w for w in wanted if _is_id(w)]  # anything else is no version
        found = {str(v.pk): v for v in self._versions(object_id).filter(pk__in=ids)}
        von, bis = found.get(wanted[0]), found.get(wanted[1])
        if obj is None or von is None or bis is None or von == bis:
            messages.warning(request, _("Bitte wählen Sie zwei verschiedene Versionen zum Vergleichen."))
            return redirect(history)
        older, newer = sorted((von, bis), key=lambda v: v.revision.date_created)
        context = {
            **self.admin_site.each_context(request),
            "opts": opts,
            "object": obj,
            "title": _("Versionen vergleichen: %(objekt)s") % {"objekt": obj},
            "aelter": older,
            "neuer": newer,
            "aenderungen": versions.compare(older, newer),
            "history_url": history,
            "wiederherstellen_url": reverse(
                f"admin:{opts.app_label}_{opts.model_name}_revision", args=[object_id, older.pk]
            ),
        }
        return TemplateResponse(request, "admin/inhalte/vergleich.html", context)


class UebersetzungAdmin(VersionenMixin, LanguageGroupsMixin, TranslationAdmin):
    """The admin of translatable content: one group per language, and its history."""

    def get_list_filter(self, request):
        filters = super().get_list_filter(request)
        # Only models that keep their translation state (a place's name has none).
        return (*filters, UebersetzungFilter) if issubclass(self.model, UebersetzbarMixin) else filters


class UebersetzungStackedInline(LanguageGroupsMixin, TranslationStackedInline):
    pass
