from django.contrib import admin

from inhalte.admin import PublicPageAdminMixin, UebersetzungAdmin, UebersetzungStackedInline
from seiten.models import Abschnitt, Seite


class AbschnittInline(UebersetzungStackedInline):
    model = Abschnitt
    extra = 0
    fields = ("reihenfolge", "ueberschrift", "darstellung", "text")


@admin.register(Seite)
class SeiteAdmin(PublicPageAdminMixin, UebersetzungAdmin):
    list_display = ("titel", "schluessel", "veroeffentlicht", "uebersetzungen", "geaendert_am", "vorschau_link")
    list_filter = ("veroeffentlicht",)
    search_fields = ("titel", "einleitung", "abschnitte__text")
    fieldsets = ((None, {"fields": ("schluessel", "titel", "einleitung", "veroeffentlicht")}),)
    inlines = (AbschnittInline,)

    def get_readonly_fields(self, request, obj=None):
        # The URL of a page hangs on its key: once created, it must not change.
        return ("schluessel",) if obj else ()
