from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from inhalte.admin import BILD_FIELDSET, VEROEFFENTLICHUNG_FIELDSET, UebersetzungAdmin, VeroeffentlichungAdminMixin
from inhalte.dashboard import register_link_target
from themen import facts
from themen.models import Jahresrueckblick, RueckblickThema, Thema


@admin.register(Thema)
class ThemaAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("titel", "sichtbarkeit", "reihenfolge", "uebersetzungen", "geaendert_am", "vorschau_link")
    list_editable = ("reihenfolge",)
    search_fields = ("titel", "kurztext", "punkte", "beschreibung")
    prepopulated_fields = {"slug": ("titel",)}
    fieldsets = (
        (None, {"fields": ("titel", "slug", "reihenfolge")}),
        (_("Inhalt"), {"fields": ("kurztext", "punkte", "beschreibung")}),
        VEROEFFENTLICHUNG_FIELDSET,
        BILD_FIELDSET,
    )


class RueckblickThemaInline(admin.TabularInline):
    model = RueckblickThema
    extra = 1
    autocomplete_fields = ("thema",)


@admin.register(Jahresrueckblick)
class JahresrueckblickAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("jahr", "titel", "sichtbarkeit", "uebersetzungen", "geaendert_am", "vorschau_link")
    search_fields = ("titel", "einleitung")
    fieldsets = (
        (None, {"fields": ("jahr", "titel", "einleitung")}),
        (_("Zahlen"), {"fields": ("anfragen_zahl_zeigen",)}),
        VEROEFFENTLICHUNG_FIELDSET,
    )
    inlines = (RueckblickThemaInline,)


# The dashboard's check of links in texts (inhalte.dashboard.broken_link): what a visitor would find.
register_link_target("themen:detail", lambda kwargs: facts.thema(kwargs["slug"], AnonymousUser()) is not None)
register_link_target("themen:rueckblick", lambda kwargs: facts.review_page_exists(kwargs["jahr"], AnonymousUser()))
