from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.utils.translation import gettext_lazy as _

from inhalte import dashboard
from inhalte.admin import BILD_FIELDSET, VEROEFFENTLICHUNG_FIELDSET, UebersetzungAdmin, VeroeffentlichungAdminMixin
from inhalte.dashboard import Abschnitt, Zeile, admin_url, editable, register_link_target
from veranstaltungen import facts
from veranstaltungen.models import Ort, Veranstaltung


@admin.register(Ort)
class OrtAdmin(UebersetzungAdmin):
    list_display = ("name", "adresse")
    fields = ("name", "adresse", "hinweise")
    search_fields = ("name", "adresse")


@admin.register(Veranstaltung)
class VeranstaltungAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = (
        "titel",
        "datum",
        "beginn",
        "thema",
        "ort",
        "sichtbarkeit",
        "abgesagt",
        "uebersetzungen",
        "vorschau_link",
    )
    list_filter = ("abgesagt", "thema", ("datum", admin.DateFieldListFilter))
    search_fields = ("titel", "kurztext", "beschreibung", "ort__name")
    date_hierarchy = "datum"
    prepopulated_fields = {"slug": ("titel",)}
    autocomplete_fields = ("ort", "thema")
    list_select_related = ("thema", "ort")
    list_per_page = 50  # thousands of events: a shorter page, found by date and filters
    save_as = True  # "Als neu speichern": repeat an event on another date without retyping it

    def get_queryset(self, request):
        # Public meetings are edited as Sitzungen (with agenda and documents), in one place only.
        return super().get_queryset(request).without_meetings()

    fieldsets = (
        (None, {"fields": ("titel", "slug", "thema", "abgesagt")}),
        (_("Wann und wo"), {"fields": ("datum", ("beginn", "ende"), "ort")}),
        (_("Inhalt"), {"fields": ("kurztext", "beschreibung")}),
        VEROEFFENTLICHUNG_FIELDSET,
        BILD_FIELDSET,
    )


# The dashboard's check of links in texts (inhalte.dashboard.broken_link): what a visitor would find.
register_link_target(
    "veranstaltungen:detail",
    lambda kwargs: facts.veranstaltung(kwargs["jahr"], kwargs["slug"], AnonymousUser()) is not None,
)
register_link_target("veranstaltungen:jahr", lambda kwargs: bool(facts.in_year(kwargs["jahr"])[""]))


@dashboard.register
def termine_ohne_ort_oder_zeit(request) -> Abschnitt | None:
    """The Redaktion's start page: upcoming events that still need a place or a time."""
    if not editable(request, Veranstaltung):
        return None
    zeilen = [
        Zeile(str(event), admin_url(event), ", ".join(str(label) for label in event.fehlende_angaben))
        for event in Veranstaltung.objects.without_meetings().upcoming().missing_place_or_time()[:30]
    ]
    leer = _("Alle kommenden Termine haben Ort und Uhrzeit.")
    return Abschnitt(_("Kommende Termine ohne Ort oder Uhrzeit"), zeilen, leer)
