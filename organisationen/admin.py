from django.contrib import admin
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from inhalte import dashboard
from inhalte.admin import VEROEFFENTLICHUNG_FIELDSET, UebersetzungAdmin, VeroeffentlichungAdminMixin
from inhalte.dashboard import Abschnitt, Zeile, admin_url, editable
from organisationen.models import Angebot, Organisation, Sprache, verborgen_ab
from organisationen.services import organisation_confirm, organisation_publish, organisation_reject

ANSPRECHPERSON = _("Ansprechperson und Prüfung (nicht öffentlich)")


@admin.register(Sprache)
class SpracheAdmin(UebersetzungAdmin):
    list_display = ("name", "code")
    search_fields = ("name", "code")
    fields = ("name", "code")


@admin.register(Angebot)
class AngebotAdmin(UebersetzungAdmin):
    list_display = ("name", "slug")
    search_fields = ("name",)
    fields = ("name", "slug")
    prepopulated_fields = {"slug": ("name",)}


class StatusFilter(admin.SimpleListFilter):
    title = _("Status")
    parameter_name = "status"

    def lookups(self, request, model_admin):
        return [
            ("vorschlag", _("Vorschlag – bitte prüfen")),
            ("bestaetigen", _("Bestätigung fällig (über 1 Jahr)")),
            ("verborgen", _("verborgen: seit über 2 Jahren nicht bestätigt")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "vorschlag":
                return queryset.proposals()
            case "bestaetigen":
                return queryset.unconfirmed_for_a_year()
            case "verborgen":
                return queryset.hidden_unconfirmed()
        return queryset


@admin.register(Organisation)
class OrganisationAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("name", "status", "zuletzt_bestaetigt", "uebersetzungen", "geaendert_am", "vorschau_link")
    list_filter = (StatusFilter, "sprachen", "angebote", "themen")
    search_fields = ("name", "kurzbeschreibung", "treffpunkt")
    prepopulated_fields = {"slug": ("name",)}
    autocomplete_fields = ("sprachen", "angebote", "themen")
    readonly_fields = ("eingereicht_am", "geprueft_von", "geprueft_am", "abgelehnt_am", "erinnert_am")

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if obj.veroeffentlicht and obj.geprueft_am is None:
            # Published with the checkbox instead of the action: it counts as checked and confirmed all the same.
            organisation_publish(organisation=obj, user=request.user)

    actions = ("veroeffentlichen", "bestaetigen", "ablehnen")
    list_per_page = 50
    fieldsets = (
        (None, {"fields": ("name", "slug", "kurzbeschreibung")}),
        (
            _("Sprachen, Angebote, Themen"),
            {
                "fields": ("sprachen", "angebote", "themen"),
                "description": _("Nach Sprachen und Angeboten kann man das Verzeichnis filtern."),
            },
        ),
        (_("Treffen"), {"fields": ("treffpunkt", "treffzeiten")}),
        (
            _("Öffentlicher Kontakt"),
            {
                "fields": ("website", "kontakt_name", "kontakt_email", "kontakt_telefon"),
                "description": _(
                    "Diese Angaben stehen öffentlich auf der Seite. Nur eintragen, was die Organisation "
                    "zur Veröffentlichung freigegeben hat. Leere Felder erscheinen nicht."
                ),
            },
        ),
        (
            _("Bestätigung"),
            {
                "fields": ("zuletzt_bestaetigt",),
                "description": _(
                    "Einmal im Jahr fragen wir nach, ob die Angaben noch stimmen. Nach zwei Jahren ohne "
                    "Bestätigung ist der Eintrag nicht mehr öffentlich, nach drei Jahren wird er gelöscht."
                ),
            },
        ),
        VEROEFFENTLICHUNG_FIELDSET,
        (
            _("Logo"),
            {
                "fields": ("bild", "bild_alt", "bild_dekorativ"),
                "description": _(
                    "Optional. Ein Logo braucht eine kurze Beschreibung für Menschen, die es nicht sehen."
                ),
            },
        ),
        (
            ANSPRECHPERSON,
            {
                "fields": (
                    "ansprechperson_name",
                    "ansprechperson_email",
                    "eingereicht_am",
                    ("geprueft_von", "geprueft_am"),
                    "abgelehnt_am",
                    "erinnert_am",
                ),
                "description": _(
                    "Nur für die Verwaltung: wen wir fragen, ob der Eintrag noch stimmt. Erscheint nie öffentlich."
                ),
            },
        ),
    )

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if self.has_change_permission(request, obj):
            return fieldsets
        # Whoever may only look at entries does not need to know who proposed them.
        return [(name, options) for name, options in fieldsets if name != ANSPRECHPERSON]

    @admin.display(description=_("Status"), ordering="veroeffentlicht")
    def status(self, obj):
        if obj.ist_vorschlag:
            return _("Vorschlag – bitte prüfen")
        if obj.abgelehnt_am:
            return _("abgelehnt")
        if obj.veroeffentlicht and obj.verborgen:
            return _("verborgen: seit über 2 Jahren nicht bestätigt")
        if obj.oeffentlich:
            return _("veröffentlicht")
        return self.sichtbarkeit(obj)

    @admin.action(description=_("Geprüft – veröffentlichen"), permissions=["change"])
    def veroeffentlichen(self, request, queryset):
        for organisation in queryset:
            organisation_publish(organisation=organisation, user=request.user)
        n = len(queryset)
        self.message_user(
            request, ngettext("%(n)s Eintrag veröffentlicht.", "%(n)s Einträge veröffentlicht.", n) % {"n": n}
        )

    @admin.action(description=_("Angaben heute bestätigt"), permissions=["change"])
    def bestaetigen(self, request, queryset):
        for organisation in queryset:
            organisation_confirm(organisation=organisation)
        n = len(queryset)
        text = ngettext(
            "%(n)s Eintrag als heute bestätigt gespeichert: sichtbar bis %(bis)s.",
            "%(n)s Einträge als heute bestätigt gespeichert: sichtbar bis %(bis)s.",
            n,
        )
        bis = date_format(verborgen_ab(timezone.localdate()) - timezone.timedelta(days=1), "SHORT_DATE_FORMAT")
        self.message_user(request, text % {"n": n, "bis": bis})

    @admin.action(description=_("Vorschlag ablehnen (wird später gelöscht)"), permissions=["change"])
    def ablehnen(self, request, queryset):
        for organisation in queryset:
            organisation_reject(organisation=organisation)
        n = len(queryset)
        self.message_user(request, ngettext("%(n)s Vorschlag abgelehnt.", "%(n)s Vorschläge abgelehnt.", n) % {"n": n})


@dashboard.register
def organisationen_vorschlaege(request) -> Abschnitt | None:
    """The Redaktion's start page: proposals for the directory waiting to be checked."""
    if not editable(request, Organisation):
        return None
    zeilen = [
        Zeile(
            str(organisation),
            admin_url(organisation),
            _("vorgeschlagen am %(datum)s")
            % {"datum": date_format(timezone.localtime(organisation.eingereicht_am), "SHORT_DATE_FORMAT")},
        )
        for organisation in Organisation.objects.proposals().order_by("eingereicht_am")[:30]
    ]
    return Abschnitt(
        _("Vorschläge für das Verzeichnis der Migrantenorganisationen"), zeilen, _("Keine neuen Vorschläge.")
    )
