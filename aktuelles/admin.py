from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from aktuelles import facts
from aktuelles.models import Meldung
from inhalte import dashboard
from inhalte.admin import BILD_FIELDSET, VEROEFFENTLICHUNG_FIELDSET, UebersetzungAdmin, VeroeffentlichungAdminMixin
from inhalte.dashboard import Abschnitt, Zeile, admin_url, editable, register_link_target


@admin.register(Meldung)
class MeldungAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("titel", "datum", "sichtbarkeit", "uebersetzungen", "geaendert_am", "vorschau_link")
    list_filter = ("themen", ("datum", admin.DateFieldListFilter))
    search_fields = ("titel", "anreisser", "text")
    date_hierarchy = "datum"
    prepopulated_fields = {"slug": ("titel",)}
    autocomplete_fields = ("themen", "veranstaltung")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("titel", "slug", "datum")}),
        (_("Inhalt"), {"fields": ("anreisser", "text")}),
        (
            _("Verknüpfungen"),
            {
                "fields": ("themen", "veranstaltung"),
                "description": _("Optional. Die Meldung verlinkt ihre Themen und ihren Termin."),
            },
        ),
        VEROEFFENTLICHUNG_FIELDSET,
        BILD_FIELDSET,
    )


# The dashboard's check of links in texts (inhalte.dashboard.broken_link): what a visitor would find.
register_link_target(
    "aktuelles:detail",
    lambda kwargs: facts.meldung(kwargs["jahr"], kwargs["slug"], AnonymousUser()) is not None,
)


@dashboard.register
def meldungen_mit_verstecktem_termin(request) -> Abschnitt | None:
    """The Redaktion's start page: public news whose linked event the public cannot see (the link is left out)."""
    if not editable(request, Meldung):
        return None
    zeilen = [
        Zeile(str(meldung), admin_url(meldung), str(meldung.veranstaltung))
        for meldung in Meldung.objects.published().with_hidden_event().select_related("veranstaltung")[:30]
    ]
    leer = _("Alle Termine, auf die Meldungen verweisen, sind öffentlich.")
    return Abschnitt(_("Meldungen mit Verweis auf einen nicht öffentlichen Termin"), zeilen, leer)
