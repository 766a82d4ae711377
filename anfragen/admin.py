from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from anfragen import services
from anfragen.models import Anfrage, Notiz, Protokolleintrag, Themenbereich
from inhalte.admin import UebersetzungAdmin


@admin.register(Themenbereich)
class ThemenbereichAdmin(UebersetzungAdmin):
    list_display = ("name", "aktiv", "reihenfolge", "uebersetzungen")
    fields = ("name", "aktiv", "reihenfolge")
    list_editable = ("aktiv", "reihenfolge")
    search_fields = ("name",)


class AnsichtFilter(admin.SimpleListFilter):
    """The advice team's everyday views, first in the filter list."""

    title = _("Ansicht")
    parameter_name = "ansicht"

    def lookups(self, request, model_admin):
        return [
            ("meine", _("Meine offenen Anfragen")),
            ("offen", _("Alle offenen Anfragen")),
            ("niemand", _("Offen und noch niemandem zugewiesen")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "meine":
                return queryset.open().assigned_to(request.user)
            case "offen":
                return queryset.open()
            case "niemand":
                return queryset.open().unassigned()
        return queryset


class NotizInline(admin.TabularInline):
    """Internal notes: added, never edited or deleted, so they stay a true record."""

    model = Notiz
    extra = 1
    fields = ("text", "autor", "erstellt_am")
    readonly_fields = ("autor", "erstellt_am")
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


class ProtokollInline(admin.TabularInline):
    model = Protokolleintrag
    extra = 0
    fields = ("zeitpunkt", "benutzer", "aktion", "details")
    readonly_fields = fields
    can_delete = False
    classes = ("collapse",)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Anfrage)
class AnfrageAdmin(admin.ModelAdmin):
    # No personal data in the list: names and contacts show only on the request itself.
    list_display = ("referenz", "eingegangen_am", "status", "zugewiesen_an", "themenbereich", "sprache")
    list_filter = (
        AnsichtFilter,
        "status",
        "themenbereich",
        "sprache",
        ("eingegangen_am", admin.DateFieldListFilter),
    )
    search_fields = ("referenz", "name", "email", "telefon", "nachricht")
    list_select_related = ("themenbereich", "zugewiesen_an")
    list_per_page = 50
    show_full_result_count = False  # no COUNT(*) over all requests on every page view
    readonly_fields = (
        "referenz",
        "eingegangen_am",
        "einwilligung_am",
        "datenschutz_stand",
        "name",
        "email",
        "telefon",
        "themenbereich",
        "sprache",
        "nachricht",
        "erledigt_am",
        "anonymisiert_am",
        "team_benachrichtigt_am",
        "bestaetigung_gesendet_am",
    )
    fieldsets = (
        (_("Bearbeitung"), {"fields": ("status", "zugewiesen_an")}),
        (_("Anfrage"), {"fields": ("referenz", "eingegangen_am", "themenbereich", "sprache", "nachricht")}),
        (_("Kontakt"), {"fields": ("name", "email", "telefon")}),
        (
            _("Datenschutz und Versand"),
            {
                "fields": (
                    "einwilligung_am",
                    "datenschutz_stand",
                    "erledigt_am",
                    "anonymisiert_am",
                    "team_benachrichtigt_am",
                    "bestaetigung_gesendet_am",
                ),
                "classes": ("collapse",),
            },
        ),
    )
    inlines = (NotizInline, ProtokollInline)
    actions = ("anonymize",)

    def has_add_permission(self, request):
        # Requests come only through the public form, with consent and a reference number.
        return False

    def change_view(self, request, object_id, form_url="", extra_context=None):
        if request.method == "GET":
            anfrage = self.get_object(request, object_id)
            if anfrage is not None and self.has_view_or_change_permission(request, anfrage):
                services.anfrage_log(anfrage=anfrage, benutzer=request.user, aktion=Protokolleintrag.Aktion.ANGESEHEN)
        return super().change_view(request, object_id, form_url, extra_context)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.changed_data:
            details = ", ".join(f"{form.fields[name].label}: {self._display(obj, name)}" for name in form.changed_data)
            services.anfrage_log(
                anfrage=obj, benutzer=request.user, aktion=Protokolleintrag.Aktion.GEAENDERT, details=details
            )

    @staticmethod
    def _display(obj, name) -> str:
        """A changed field as staff read it: "in Bearbeitung", not "in_bearbeitung"."""
        display = getattr(obj, f"get_{name}_display", None)
        return str((display() if display else getattr(obj, name)) or "–")

    def save_formset(self, request, form, formset, change):
        if formset.model is not Notiz:
            return super().save_formset(request, form, formset, change)
        for notiz in formset.save(commit=False):
            if notiz.pk is None and notiz.text.strip():
                services.notiz_create(anfrage=form.instance, autor=request.user, text=notiz.text)

    @admin.action(description=_("Ausgewählte Anfragen anonymisieren (nicht umkehrbar)"), permissions=["change"])
    def anonymize(self, request, queryset):
        count = 0
        for anfrage in queryset.filter(anonymisiert_am__isnull=True):
            services.anfrage_anonymize(anfrage=anfrage, benutzer=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d Anfrage anonymisiert.", "%(count)d Anfragen anonymisiert.", count) % {"count": count},
            messages.SUCCESS,
        )
