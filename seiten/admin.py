from django.contrib import admin
from django.contrib.auth.models import AnonymousUser

from inhalte.admin import (
    VEROEFFENTLICHUNG_FIELDSET,
    UebersetzungAdmin,
    UebersetzungStackedInline,
    VeroeffentlichungAdminMixin,
)
from inhalte.dashboard import register_link_target
from seiten import facts
from seiten.models import Abschnitt, Seite
from seiten.urls import PATHS


class AbschnittInline(UebersetzungStackedInline):
    model = Abschnitt
    extra = 0
    fields = ("reihenfolge", "ueberschrift", "text")


@admin.register(Seite)
class SeiteAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("titel", "schluessel", "sichtbarkeit", "uebersetzungen", "geaendert_am", "vorschau_link")
    search_fields = ("titel", "einleitung", "abschnitte__text")
    fieldsets = ((None, {"fields": ("schluessel", "titel", "einleitung")}), VEROEFFENTLICHUNG_FIELDSET)
    inlines = (AbschnittInline,)

    def get_readonly_fields(self, request, obj=None):
        # The URL of a page hangs on its key: once created, it must not change.
        return ("schluessel",) if obj else ()


# The dashboard's check of links in texts (inhalte.dashboard.broken_link): what a visitor would find.
for _schluessel in PATHS:
    register_link_target(
        f"seiten:{_schluessel}", lambda kwargs: facts.seite(kwargs["schluessel"], AnonymousUser()) is not None
    )
register_link_target(
    "anfragen:leichte_sprache", lambda kwargs: facts.seite(Seite.Schluessel.ANFRAGE_LS, AnonymousUser()) is not None
)
