import datetime

from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from inhalte import dashboard
from inhalte.admin import (
    VEROEFFENTLICHUNG_FIELDSET,
    UebersetzungAdmin,
    UebersetzungStackedInline,
    VeroeffentlichungAdminMixin,
)
from inhalte.dashboard import Abschnitt as DashboardAbschnitt
from inhalte.dashboard import Zeile, admin_url, editable, register_link_target
from seiten import facts
from seiten.models import Abschnitt, Barrierefreiheitserklaerung, Gebaerdensprachvideo, Seite
from seiten.urls import PATHS

# The accessibility statement is to be reviewed at least once a year.
PRUEFUNG_NACH_TAGEN = 365


class AbschnittInline(UebersetzungStackedInline):
    model = Abschnitt
    extra = 0
    fields = ("reihenfolge", "ueberschrift", "text")


class BarrierefreiheitserklaerungInline(UebersetzungStackedInline):
    """The parts the law asks for, on the page "Barrierefreiheit" only."""

    model = Barrierefreiheitserklaerung
    extra = 1
    max_num = 1
    can_delete = False
    fields = (
        "vereinbarkeit",
        "nicht_barrierefrei",
        "methode",
        ("erstellt_am", "ueberprueft_am"),
        "kontakt",
        "ombudsstelle",
    )
    verbose_name_plural = _("Erklärung zur Barrierefreiheit: Angaben nach BGG NRW und BITVNRW")


@admin.register(Seite)
class SeiteAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("titel", "schluessel", "sichtbarkeit", "uebersetzungen", "geaendert_am", "vorschau_link")
    search_fields = ("titel", "einleitung", "abschnitte__text")
    fieldsets = ((None, {"fields": ("schluessel", "titel", "einleitung")}), VEROEFFENTLICHUNG_FIELDSET)
    inlines = (BarrierefreiheitserklaerungInline, AbschnittInline)

    def get_readonly_fields(self, request, obj=None):
        # The URL of a page hangs on its key: once created, it must not change.
        return ("schluessel",) if obj else ()

    def get_inlines(self, request, obj):
        if obj is not None and obj.ist_barrierefreiheitserklaerung:
            return self.inlines
        return (AbschnittInline,)


@admin.register(Gebaerdensprachvideo)
class GebaerdensprachvideoAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("titel", "dauer_text", "groesse_text", "reihenfolge", "sichtbarkeit", "uebersetzungen")
    list_editable = ("reihenfolge",)
    search_fields = ("titel", "kurztext")
    fieldsets = (
        (None, {"fields": ("titel", "kurztext", "reihenfolge")}),
        (
            _("Video und Untertitel"),
            {
                "fields": ("datei", "untertitel", "dauer"),
                "description": _(
                    "Das Video liegt auf diesem Server, ohne fremden Player. Es startet nie von selbst; "
                    "Besucherinnen und Besucher können es mit Größe und Dauer herunterladen."
                ),
            },
        ),
        VEROEFFENTLICHUNG_FIELDSET,
    )

    @admin.display(description=_("Dauer"), ordering="dauer")
    def dauer_text(self, obj):
        return obj.dauer_text

    @admin.display(description=_("Größe"), ordering="groesse")
    def groesse_text(self, obj):
        return filesizeformat(obj.groesse)


# The dashboard's check of links in texts (inhalte.dashboard.broken_link): what a visitor would find.
for _schluessel in PATHS:
    register_link_target(
        f"seiten:{_schluessel}", lambda kwargs: facts.seite(kwargs["schluessel"], AnonymousUser()) is not None
    )
register_link_target(
    "anfragen:leichte_sprache", lambda kwargs: facts.seite(Seite.Schluessel.ANFRAGE_LS, AnonymousUser()) is not None
)


@dashboard.register
def barrierefreiheitserklaerung_pruefen(request) -> DashboardAbschnitt | None:
    """The Redaktion's start page: the accessibility statement, when it lacks its assessment or a review is due."""
    if not editable(request, Barrierefreiheitserklaerung):
        return None
    seite = Seite.objects.by_key(Seite.Schluessel.BARRIEREFREIHEIT).first()
    if seite is None:
        return None
    erklaerung = seite.barrierefreiheitserklaerung
    faellig = timezone.localdate() - datetime.timedelta(days=PRUEFUNG_NACH_TAGEN)
    zeilen = []
    if erklaerung is None or not erklaerung.vereinbarkeit:
        zeilen.append(Zeile(str(_("Der Stand der Vereinbarkeit ist noch nicht bewertet.")), admin_url(seite)))
    elif erklaerung.ueberprueft_am is None or erklaerung.ueberprueft_am < faellig:
        zuletzt = date_format(erklaerung.ueberprueft_am) if erklaerung.ueberprueft_am else "–"
        zeilen.append(Zeile(str(_("Seit über einem Jahr nicht überprüft")), admin_url(seite), zuletzt))
    leer = _("Die Erklärung ist bewertet und im letzten Jahr überprüft.")
    return DashboardAbschnitt(_("Erklärung zur Barrierefreiheit"), zeilen, leer)
