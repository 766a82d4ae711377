from django import forms
from django.contrib import admin
from django.contrib.auth.models import AnonymousUser
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from gremien import facts
from gremien.models import (
    SPRACHEN,
    Dokument,
    Gremium,
    Mitgliedschaft,
    Person,
    Sitzung,
    Tagesordnungspunkt,
    Vorlage,
    Wahlperiode,
)
from inhalte import dashboard
from inhalte.admin import (
    VEROEFFENTLICHUNG_FIELDSET,
    UebersetzungAdmin,
    UebersetzungStackedInline,
    VeroeffentlichungAdminMixin,
)
from inhalte.dashboard import Abschnitt, Zeile, admin_url, editable, register_link_target


@admin.register(Gremium)
class GremiumAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("name", "kurzname", "art", "sichtbarkeit", "reihenfolge", "uebersetzungen")
    list_filter = ("art",)
    search_fields = ("name", "kurzname")
    fieldsets = (
        (None, {"fields": ("name", "kurzname", "art", "reihenfolge")}),
        (_("Zeitraum"), {"fields": (("gruendung", "aufloesung"),)}),
        VEROEFFENTLICHUNG_FIELDSET,
    )

    def vorschau_link(self, obj):
        return ""


@admin.register(Wahlperiode)
class WahlperiodeAdmin(UebersetzungAdmin):
    list_display = ("name", "beginn", "ende")
    search_fields = ("name",)
    fields = ("name", ("beginn", "ende"))


class MitgliedschaftInline(admin.StackedInline):
    model = Mitgliedschaft
    extra = 0
    autocomplete_fields = ("gremium", "wahlperiode")
    fields = (("gremium", "wahlperiode"), ("rolle", "stimmrecht"), ("entsendung", "liste"), ("beginn", "ende"))


class PersonForm(forms.ModelForm):
    sprachen = forms.MultipleChoiceField(
        label=_("Sprachen"),
        choices=SPRACHEN,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Die Sprachen, in denen Menschen die Person ansprechen können."),
    )

    class Meta:
        model = Person
        fields = (
            "titel",
            "vorname",
            "nachname",
            "sprachen",
            "kontakt_email",
            "kontakt_telefon",
            "foto_einwilligung",
            "foto_einwilligung_am",
            "bild",
            "bild_alt",
            "foto_nach_ende_zeigen",
            "veroeffentlicht",
            "veroeffentlichen_ab",
            "veroeffentlichen_bis",
        )


@admin.register(Person)
class PersonAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    form = PersonForm
    list_display = ("name", "rollen", "sprachen_liste", "sichtbarkeit", "foto", "geaendert_am")
    list_filter = ("mitgliedschaften__gremium", "mitgliedschaften__rolle")
    search_fields = ("vorname", "nachname", "mitgliedschaften__liste")
    inlines = (MitgliedschaftInline,)
    fieldsets = (
        (None, {"fields": (("titel", "vorname", "nachname"), "sprachen")}),
        (
            _("Öffentlicher Kontakt"),
            {
                "fields": ("kontakt_email", "kontakt_telefon"),
                "description": _(
                    "Nur was die Person veröffentlichen möchte. Am besten die Adresse des Integrationsrats."
                ),
            },
        ),
        (
            _("Foto"),
            {
                "fields": ("foto_einwilligung", "foto_einwilligung_am", "bild", "bild_alt", "foto_nach_ende_zeigen"),
                "description": _(
                    "Ein Foto erscheint nur mit schriftlicher Einwilligung der Person. "
                    "Wird die Einwilligung widerrufen: Foto entfernen und speichern, dann ist es überall gelöscht."
                ),
            },
        ),
        VEROEFFENTLICHUNG_FIELDSET,
    )

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("mitgliedschaften")

    @admin.display(description=_("Rollen"))
    def rollen(self, obj):
        return ", ".join(m.get_rolle_display() for m in obj.mitgliedschaften.all() if m.aktiv) or _("keine aktuelle")

    @admin.display(description=_("Sprachen"))
    def sprachen_liste(self, obj):
        return ", ".join(obj.sprachnamen)

    @admin.display(description=_("Foto"), boolean=True)
    def foto(self, obj):
        return bool(obj.bild)

    def vorschau_link(self, obj):
        return ""


class TagesordnungspunktInline(UebersetzungStackedInline):
    model = Tagesordnungspunkt
    extra = 0
    autocomplete_fields = ("vorlage",)
    fields = (("nummer", "reihenfolge", "oeffentlich"), "titel", "vorlage", "ergebnis", "beschluss")


class DokumentInline(admin.TabularInline):
    model = Dokument
    fk_name = "sitzung"
    extra = 0
    versioniert = False  # no history: a replaced or deleted PDF is gone for good (see Dokument.save)
    fields = ("name", "art", "datei", "datum", "tagesordnungspunkt", "oeffentlich")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "tagesordnungspunkt":
            # Only the items of this meeting (none while it is being created).
            object_id = request.resolver_match.kwargs.get("object_id")
            kwargs["queryset"] = Tagesordnungspunkt.objects.filter(sitzung_id=object_id or None)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.register(Sitzung)
class SitzungAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = (
        "titel",
        "datum",
        "beginn",
        "gremium",
        "status",
        "ort",
        "sichtbarkeit",
        "uebersetzungen",
        "vorschau_link",
    )
    list_filter = ("status", "gremium", ("datum", admin.DateFieldListFilter))
    search_fields = ("titel", "kurztext", "tagesordnungspunkte__titel")
    date_hierarchy = "datum"
    prepopulated_fields = {"slug": ("titel",)}
    autocomplete_fields = ("ort", "thema", "gremium")
    list_select_related = ("gremium", "ort")
    list_per_page = 50
    inlines = (TagesordnungspunktInline, DokumentInline)
    fieldsets = (
        (None, {"fields": ("gremium", "titel", "slug", "status")}),
        (_("Wann und wo"), {"fields": ("datum", ("beginn", "ende"), "ort")}),
        (_("Inhalt"), {"fields": ("kurztext", "beschreibung", "thema")}),
        VEROEFFENTLICHUNG_FIELDSET,
    )

    def get_changeform_initial_data(self, request):
        # Most meetings are the Integrationsrat's own.
        initial = super().get_changeform_initial_data(request)
        rat = Gremium.objects.filter(art=Gremium.Art.RAT).first()
        return {"gremium": rat.pk, **initial} if rat else initial


@admin.register(Tagesordnungspunkt)
class TagesordnungspunktAdmin(UebersetzungAdmin):
    """Mostly edited inline on its meeting; here for the translations of an item."""

    list_display = ("__str__", "sitzung", "oeffentlich", "uebersetzungen")
    list_filter = ("oeffentlich",)
    search_fields = ("titel", "nummer", "sitzung__titel")
    autocomplete_fields = ("sitzung", "vorlage")
    list_select_related = ("sitzung",)
    fieldsets = (
        (None, {"fields": ("sitzung", ("nummer", "reihenfolge", "oeffentlich"), "titel", "vorlage")}),
        (_("Ergebnis"), {"fields": ("ergebnis", "beschluss")}),
    )


class VorlageDokumentInline(admin.TabularInline):
    model = Dokument
    fk_name = "vorlage"
    extra = 0
    versioniert = False
    fields = ("name", "art", "datei", "datum", "oeffentlich")


@admin.register(Vorlage)
class VorlageAdmin(VeroeffentlichungAdminMixin, UebersetzungAdmin):
    list_display = ("aktenzeichen", "titel", "art", "datum", "sichtbarkeit", "uebersetzungen", "vorschau_link")
    list_filter = ("art", "gremium")
    search_fields = ("aktenzeichen", "titel")
    date_hierarchy = "datum"
    autocomplete_fields = ("gremium",)
    inlines = (VorlageDokumentInline,)
    fieldsets = (
        (None, {"fields": ("aktenzeichen", "art", "titel", "datum", "gremium")}),
        (_("Inhalt"), {"fields": ("beschreibung",)}),
        VEROEFFENTLICHUNG_FIELDSET,
    )


@admin.register(Dokument)
class DokumentAdmin(admin.ModelAdmin):
    """Documents keep no history: their files are deleted when replaced or deleted."""

    list_display = ("name", "art", "datum", "sitzung", "vorlage", "oeffentlich", "groesse_kb", "ansehen")
    list_filter = ("art", "oeffentlich", ("datum", admin.DateFieldListFilter))
    search_fields = ("name", "sitzung__titel", "vorlage__aktenzeichen")
    autocomplete_fields = ("sitzung", "tagesordnungspunkt", "vorlage")
    list_select_related = ("sitzung", "vorlage")
    fieldsets = (
        (None, {"fields": ("name", "art", "datei", "datum", "oeffentlich")}),
        (
            _("Gehört zu"),
            {
                "fields": ("sitzung", "tagesordnungspunkt", "vorlage"),
                "description": _("Eine Sitzung (auch über einen ihrer Tagesordnungspunkte) oder eine Vorlage."),
            },
        ),
    )

    @admin.display(description=_("Größe"))
    def groesse_kb(self, obj):
        return f"{obj.groesse / 1024:.0f} KB"

    @admin.display(description=_("Datei"))
    def ansehen(self, obj):
        return format_html('<a href="{}">{}</a>', obj.get_absolute_url(), _("herunterladen"))


# The dashboard's check of links in texts (inhalte.dashboard.broken_link): what a visitor would find.
register_link_target(
    "gremien:sitzung", lambda kwargs: facts.sitzung(kwargs["jahr"], kwargs["slug"], AnonymousUser()) is not None
)
register_link_target("gremien:sitzungen_jahr", lambda kwargs: bool(facts.in_year(kwargs["jahr"])[""]))
register_link_target("gremien:vorlage", lambda kwargs: Vorlage.objects.published().filter(pk=kwargs["pk"]).exists())
for _name in ("gremien:dokument", "gremien:dokument_download"):
    register_link_target(_name, lambda kwargs: Dokument.objects.public().filter(pk=kwargs["pk"]).exists())


@dashboard.register
def sitzungen_unvollstaendig(request) -> Abschnitt | None:
    """The Redaktion's start page: upcoming meetings without place, time or a public invitation."""
    if not editable(request, Sitzung):
        return None
    kommende = Sitzung.objects.upcoming().not_cancelled().with_invitation_flag()
    zeilen = [
        Zeile(str(s), admin_url(s), ", ".join(str(label) for label in s.fehlende_angaben))
        for s in kommende[:50]
        if s.fehlende_angaben
    ]
    leer = _("Alle kommenden Sitzungen haben Ort, Uhrzeit und eine öffentliche Einladung.")
    return Abschnitt(_("Kommende Sitzungen: was noch fehlt"), zeilen, leer)
