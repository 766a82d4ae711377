from django.contrib import admin, messages
from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from inhalte import dashboard
from inhalte.admin import BILD_FIELDSET, VEROEFFENTLICHUNG_FIELDSET, UebersetzungAdmin, VeroeffentlichungAdminMixin
from inhalte.dashboard import Abschnitt, Zeile, admin_url, editable, register_link_target
from teilnahmen.models import Teilnahme
from veranstaltungen import facts
from veranstaltungen.forms import VeranstaltungAdminForm
from veranstaltungen.models import Ort, Veranstaltung
from veranstaltungen.services import termin_edited


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
        "reihe_kurz",
        "uebersetzungen",
        "vorschau_link",
    )
    list_filter = ("abgesagt", "anmeldung", "thema", ("datum", admin.DateFieldListFilter))
    search_fields = ("titel", "kurztext", "beschreibung", "ort__name")
    date_hierarchy = "datum"
    prepopulated_fields = {"slug": ("titel",)}
    autocomplete_fields = ("ort", "thema")
    list_select_related = ("thema", "ort", "reihe")
    form = VeranstaltungAdminForm
    readonly_fields = ("reihe_info", "anmeldungen_stand")
    list_per_page = 50  # thousands of events: a shorter page, found by date and filters
    save_as = True  # "Als neu speichern": repeat an event on another date without retyping it

    def get_queryset(self, request):
        # Public meetings are edited as Sitzungen (with agenda and documents), in one place only.
        return super().get_queryset(request).without_meetings()

    fieldsets = (
        (None, {"fields": ("titel", "slug", "thema", "abgesagt")}),
        (_("Wann und wo"), {"fields": ("datum", ("beginn", "ende"), "ort")}),
        (
            _("Wiederholung"),
            {
                "fields": (
                    "reihe_info",
                    "wiederholung",
                    "intervall",
                    ("wiederholung_bis", "wiederholung_anzahl"),
                    "aenderung_fuer",
                ),
                "description": _(
                    "Für eine regelmäßige Veranstaltung, z. B. eine Sprechstunde jeden zweiten Dienstag: "
                    "Die Termine werden beim Speichern angelegt. Einen einzelnen Termin sagen Sie auf seiner "
                    "eigenen Seite ab oder verschieben ihn dort."
                ),
            },
        ),
        (_("Inhalt"), {"fields": ("kurztext", "beschreibung")}),
        (
            _("Anmeldung"),
            {
                "fields": (
                    "anmeldung",
                    ("plaetze", "begleitpersonen_max"),
                    "anmeldeschluss",
                    "anmeldefrage",
                    "anmeldungen_stand",
                ),
                "description": _(
                    "Mit Anmeldung zeigt die Seite, wie viele Plätze frei sind. Ist alles belegt, kommen weitere "
                    "Personen auf die Warteliste und rücken automatisch nach, wenn jemand absagt. Wird die "
                    "Veranstaltung abgesagt, bekommen alle Angemeldeten eine E-Mail."
                ),
            },
        ),
        VEROEFFENTLICHUNG_FIELDSET,
        BILD_FIELDSET,
    )

    @admin.display(description=_("Reihe"), ordering="reihe")
    def reihe_kurz(self, obj):
        return obj.reihe.beschreibung if obj.reihe_id else ""

    @admin.display(description=_("Terminreihe"))
    def reihe_info(self, obj):
        if obj is None or obj.reihe_id is None:
            return _("Kein Teil einer Reihe.")
        reihe = obj.reihe
        alle = reverse("admin:veranstaltungen_veranstaltung_changelist") + f"?reihe__id__exact={reihe.pk}"
        hinweis = _(" Dieser Termin wurde einzeln geändert.") if obj.einzeln_geaendert else ""
        return format_html(
            '{} – <a href="{}">{}</a>{}', reihe.beschreibung, alle, _("alle Termine der Reihe ansehen"), hinweis
        )

    @admin.display(description=_("Stand der Anmeldungen"))
    def anmeldungen_stand(self, obj):
        if obj is None or obj.pk is None:
            return "–"
        teilnahmen = Teilnahme.objects.for_event(obj)
        text = _("%(bestaetigt)s Personen mit Platz, %(wartend)s Anmeldungen auf der Warteliste") % {
            "bestaetigt": teilnahmen.confirmed().persons(),
            "wartend": teilnahmen.waiting().count(),
        }
        liste = reverse("admin:teilnahmen_teilnahme_changelist") + f"?veranstaltung__id__exact={obj.pk}"
        # The names need the permission made for them (teilnahmen.models.sees_registrations); the counts do not.
        return format_html(
            '{} – <a href="{}">{}</a>',
            text,
            liste,
            _("Namen ansehen und herunterladen (nur mit der Berechtigung für Anmeldungen)"),
        )

    def lookup_allowed(self, lookup, value, request=None):
        return lookup == "reihe__id__exact" or super().lookup_allowed(lookup, value, request)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if "_saveasnew" in request.POST:
            # "Als neu speichern" copies one date: the copy is a single event, not a second series.
            messages.info(
                request, _("Die Kopie ist ein einzelner Termin. Eine Wiederholung stellen Sie auf ihrer Seite ein.")
            )
            return
        termin_edited(
            termin=obj,
            regel=form.regel(),
            regel_geaendert=form.regel_geaendert(),
            fuer_folgende=form.fuer_folgende(),
            geaendert=bool(set(form.changed_data) - {"aenderung_fuer"}),
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
