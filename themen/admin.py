from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from inhalte.admin import BILD_FIELDSET, PublicPageAdminMixin, UebersetzungAdmin
from themen.models import Jahresrueckblick, RueckblickThema, Thema


@admin.register(Thema)
class ThemaAdmin(PublicPageAdminMixin, UebersetzungAdmin):
    list_display = ("titel", "veroeffentlicht", "reihenfolge", "uebersetzungen", "geaendert_am", "vorschau_link")
    list_editable = ("reihenfolge",)
    list_filter = ("veroeffentlicht",)
    search_fields = ("titel", "kurztext", "punkte", "beschreibung")
    prepopulated_fields = {"slug": ("titel",)}
    fieldsets = (
        (None, {"fields": ("titel", "slug", "veroeffentlicht", "reihenfolge")}),
        (_("Inhalt"), {"fields": ("kurztext", "punkte", "beschreibung")}),
        BILD_FIELDSET,
    )


class RueckblickThemaInline(admin.TabularInline):
    model = RueckblickThema
    extra = 1
    autocomplete_fields = ("thema",)


@admin.register(Jahresrueckblick)
class JahresrueckblickAdmin(PublicPageAdminMixin, UebersetzungAdmin):
    list_display = ("jahr", "titel", "veroeffentlicht", "uebersetzungen", "vorschau_link")
    list_filter = ("veroeffentlicht",)
    search_fields = ("titel", "einleitung")
    fieldsets = ((None, {"fields": ("jahr", "titel", "einleitung", "veroeffentlicht")}),)
    inlines = (RueckblickThemaInline,)
