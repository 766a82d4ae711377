from django.contrib import admin

from integrationsrat.admin import PublicPageAdminMixin
from seiten.models import Abschnitt, Seite


class AbschnittInline(admin.StackedInline):
    model = Abschnitt
    extra = 0
    fields = ("reihenfolge", "ueberschrift", "darstellung", "text")


@admin.register(Seite)
class SeiteAdmin(PublicPageAdminMixin, admin.ModelAdmin):
    list_display = ("titel", "schluessel", "veroeffentlicht", "geaendert_am", "vorschau_link")
    list_filter = ("veroeffentlicht",)
    search_fields = ("titel", "einleitung", "abschnitte__text")
    fieldsets = ((None, {"fields": ("schluessel", "titel", "einleitung", "veroeffentlicht")}),)
    inlines = (AbschnittInline,)

    def get_readonly_fields(self, request, obj=None):
        # The URL of a page hangs on its key: once created, it must not change.
        return ("schluessel",) if obj else ()
