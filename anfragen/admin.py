from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from anfragen.models import Anfrage, Themenbereich
from integrationsrat.admin import UebersetzungAdmin


@admin.register(Themenbereich)
class ThemenbereichAdmin(UebersetzungAdmin):
    list_display = ("name", "aktiv", "reihenfolge", "uebersetzungen")
    fields = ("name", "aktiv", "reihenfolge")
    list_editable = ("aktiv", "reihenfolge")
    search_fields = ("name",)


@admin.register(Anfrage)
class AnfrageAdmin(admin.ModelAdmin):
    # No personal data in the list: names and contacts show only on the request itself.
    list_display = ("referenz", "eingegangen_am", "status", "themenbereich", "sprache")
    list_filter = ("status", "themenbereich", "sprache", ("eingegangen_am", admin.DateFieldListFilter))
    search_fields = ("referenz", "name", "email", "telefon", "nachricht")
    list_select_related = ("themenbereich",)
    readonly_fields = (
        "referenz",
        "eingegangen_am",
        "einwilligung_am",
        "name",
        "email",
        "telefon",
        "themenbereich",
        "sprache",
        "nachricht",
    )
    fieldsets = (
        (_("Bearbeitung"), {"fields": ("status",)}),
        (_("Anfrage"), {"fields": ("referenz", "eingegangen_am", "themenbereich", "sprache", "nachricht")}),
        (_("Kontakt"), {"fields": ("name", "email", "telefon", "einwilligung_am")}),
    )

    def has_add_permission(self, request):
        # Requests come only through the public form, with consent and a reference number.
        return False
