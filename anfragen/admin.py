from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from anfragen import services
from anfragen.forms import AntwortForm
from anfragen.models import Anfrage, Notiz, Protokolleintrag, Textbaustein, Themenbereich
from inhalte import dashboard
from inhalte.admin import UebersetzungAdmin


@admin.register(Themenbereich)
class ThemenbereichAdmin(UebersetzungAdmin):
    list_display = ("name", "aktiv", "reihenfolge", "uebersetzungen")
    fields = ("name", "aktiv", "reihenfolge")
    list_editable = ("aktiv", "reihenfolge")
    search_fields = ("name",)


@admin.register(Textbaustein)
class TextbausteinAdmin(UebersetzungAdmin):
    """Ready-made paragraphs for answers, edited by the Beratung team in all six languages."""

    list_display = ("titel", "reihenfolge", "uebersetzungen")
    list_editable = ("reihenfolge",)
    fields = ("titel", "text", "reihenfolge")
    search_fields = ("titel", "text")


class AnsichtFilter(admin.SimpleListFilter):
    """The advice team's everyday views, first in the filter list."""

    title = _("Ansicht")
    parameter_name = "ansicht"

    def lookups(self, request, model_admin):
        return [
            ("meine", _("Meine offenen Anfragen")),
            ("offen", _("Alle offenen Anfragen")),
            ("niemand", _("Offen und noch niemandem zugewiesen")),
        ]

    def queryset(self, request, queryset):
        match self.value():
            case "meine":
                return queryset.open().assigned_to(request.user)
            case "offen":
                return queryset.open()
            case "niemand":
                return queryset.open().unassigned()
        return queryset


class FristFilter(admin.SimpleListFilter):
    """The first-answer target: what is overdue, what still waits for a first answer."""

    title = _("Erste Antwort")
    parameter_name = "frist"

    def lookups(self, request, model_admin):
        return [("ueberfaellig", _("überfällig")), ("wartet", _("noch nicht beantwortet"))]

    def queryset(self, request, queryset):
        match self.value():
            case "ueberfaellig":
                return queryset.overdue()
            case "wartet":
                return queryset.awaiting_first_answer()
        return queryset


class NotizInline(admin.TabularInline):
    """Internal notes: added, never edited or deleted, so they stay a true record."""

    model = Notiz
    extra = 1
    fields = ("text", "autor", "erstellt_am")
    readonly_fields = ("autor", "erstellt_am")
    can_delete = False

    def has_change_permission(self, request, obj=None):
        return False


class ProtokollInline(admin.TabularInline):
    model = Protokolleintrag
    extra = 0
    fields = ("zeitpunkt", "benutzer", "aktion", "details")
    readonly_fields = fields
    can_delete = False
    classes = ("collapse",)

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


@admin.register(Anfrage)
class AnfrageAdmin(admin.ModelAdmin):
    # No personal data in the list: names and contacts show only on the request itself.
    list_display = ("referenz", "eingegangen_am", "frist", "status", "zugewiesen_an", "art", "themenbereich", "sprache")
    list_filter = (
        AnsichtFilter,
        FristFilter,
        "status",
        "art",
        "themenbereich",
        "sprache",
        ("eingegangen_am", admin.DateFieldListFilter),
    )
    search_fields = ("referenz", "name", "email", "telefon", "nachricht")
    list_select_related = ("themenbereich", "zugewiesen_an")
    list_per_page = 50
    show_full_result_count = False  # no COUNT(*) over all requests on every page view
    readonly_fields = (
        "referenz",
        "art",
        "frist_hinweis",
        "erste_antwort_am",
        "seite_url",
        "eingegangen_am",
        "einwilligung_am",
        "datenschutz_stand",
        "name",
        "email",
        "telefon",
        "themenbereich",
        "sprache",
        "nachricht",
        "erledigt_am",
        "anonymisiert_am",
        "team_benachrichtigt_am",
        "bestaetigung_gesendet_am",
    )
    fieldsets = (
        (_("Bearbeitung"), {"fields": ("status", "zugewiesen_an")}),
        (
            _("Anfrage"),
            {
                "fields": (
                    "referenz",
                    "art",
                    "eingegangen_am",
                    "frist_hinweis",
                    "erste_antwort_am",
                    "themenbereich",
                    "sprache",
                    "seite_url",
                    "nachricht",
                )
            },
        ),
        (_("Kontakt"), {"fields": ("name", "email", "telefon")}),
        (
            _("Datenschutz und Versand"),
            {
                "fields": (
                    "einwilligung_am",
                    "datenschutz_stand",
                    "erledigt_am",
                    "anonymisiert_am",
                    "team_benachrichtigt_am",
                    "bestaetigung_gesendet_am",
                ),
                "classes": ("collapse",),
            },
        ),
    )
    inlines = (NotizInline, ProtokollInline)
    actions = ("anonymize",)

    def has_add_permission(self, request):
        # Requests come only through the public form, with consent and a reference number.
        return False

    def get_fieldsets(self, request, obj=None):
        fieldsets = super().get_fieldsets(request, obj)
        if obj is not None and obj.ist_barriere:
            return fieldsets
        # Only a barrier report is about a page of the portal.
        return [
            (name, {**options, "fields": tuple(f for f in options["fields"] if f != "seite_url")})
            for name, options in fieldsets
        ]

    @admin.display(description=_("Erste Antwort fällig"), ordering="frist_am")
    def frist(self, obj):
        if obj.frist_am is None:
            return "–"
        datum = date_format(timezone.localtime(obj.frist_am), "SHORT_DATE_FORMAT")
        if obj.ueberfaellig:
            # In words, not only in colour.
            return format_html('<strong class="anfrage-ueberfaellig">{} {}</strong>', _("überfällig seit"), datum)
        return datum

    @admin.display(description=_("erste Antwort fällig bis"))
    def frist_hinweis(self, obj):
        if obj.frist_am is None:
            return "–"
        moment = date_format(timezone.localtime(obj.frist_am), "DATE_FORMAT")
        if obj.ueberfaellig:
            return format_html('<strong class="anfrage-ueberfaellig">{} – {}</strong>', moment, _("überfällig"))
        return moment

    def get_urls(self):
        antwort = path(
            "<path:object_id>/antwort/",
            self.admin_site.admin_view(self.antwort_view),
            name="anfragen_anfrage_antwort",
        )
        return [antwort, *super().get_urls()]

    def change_view(self, request, object_id, form_url="", extra_context=None):
        anfrage = self.get_object(request, unquote(object_id))
        if anfrage is not None and self.has_view_or_change_permission(request, anfrage):
            if request.method == "GET":
                services.anfrage_log(anfrage=anfrage, benutzer=request.user, aktion=Protokolleintrag.Aktion.ANGESEHEN)
            if self.has_change_permission(request, anfrage):
                extra_context = {**self._antwort_context(anfrage, AntwortForm.fresh(anfrage)), **(extra_context or {})}
        return super().change_view(request, object_id, form_url, extra_context)

    def _antwort_context(self, anfrage: Anfrage, form: AntwortForm) -> dict:
        """What the reply section shows (the change page and the reply page share it)."""
        return {
            "anfrage": anfrage,
            "antwort_form": form,
            "antworten": anfrage.antworten.select_related("verfasst_von"),
            "antwort_url": reverse("admin:anfragen_anfrage_antwort", args=[anfrage.pk]),
            # Withdrawn: nothing to write to, unless an address is left (then only after confirming).
            "zurueckgezogen": anfrage.anonymisiert_am is not None,
            "kann_mailen": bool(anfrage.email),
            "kann_schreiben": bool(anfrage.email) or anfrage.anonymisiert_am is None,
        }

    def antwort_view(self, request, object_id):
        """The reply form's actions: insert a Textbaustein, send the answer, note a phone call.

        Works without JavaScript: inserting re-renders the page with the text
        kept; a refused answer (empty, answered meanwhile, …) comes back with
        its text and the reason, so nothing typed is lost.
        """
        anfrage = self.get_object(request, unquote(object_id))
        if anfrage is None:
            raise Http404
        if not self.has_change_permission(request, anfrage):
            raise PermissionDenied
        status = 200
        if request.method != "POST":
            services.anfrage_log(anfrage=anfrage, benutzer=request.user, aktion=Protokolleintrag.Aktion.ANGESEHEN)
            form = AntwortForm.fresh(anfrage)
        else:
            form = AntwortForm(request.POST, anfrage=anfrage)
            if form.is_valid() and AntwortForm.EINFUEGEN in request.POST:
                form = form.with_snippet()
            elif form.is_valid():
                try:
                    return self._antwort_save(request, anfrage, form)
                except ValidationError as error:
                    form = self._refused(request, anfrage, error)
                    status = 422
            else:
                status = 422
        context = {
            **self.admin_site.each_context(request),
            **self._antwort_context(anfrage, form),
            "opts": self.model._meta,
            "title": _("Antwort auf %(referenz)s") % {"referenz": anfrage.referenz},
        }
        return TemplateResponse(request, "admin/anfragen/anfrage/antwort.html", context, status=status)

    def _antwort_save(self, request, anfrage: Anfrage, form: AntwortForm):
        daten = form.cleaned_data
        if AntwortForm.TELEFONAT in request.POST:
            services.telefonat_log(anfrage=anfrage, user=request.user, stand=daten["stand"], notiz=daten["text"])
            self.message_user(request, _("Das Telefonat ist notiert."), messages.SUCCESS)
        elif AntwortForm.SENDEN in request.POST:
            services.antwort_send(
                anfrage=anfrage,
                text=daten["text"],
                user=request.user,
                stand=daten["stand"],
                trotz_anonymisierung=daten.get("bestaetigt", False),
            )
            self.message_user(
                request,
                _("Die Antwort an %(referenz)s ist gespeichert und geht per E-Mail hinaus.")
                % {"referenz": anfrage.referenz},
                messages.SUCCESS,
            )
        else:
            raise ValidationError(_("Bitte wählen Sie, was geschehen soll."), code="no_action")
        return redirect("admin:anfragen_anfrage_change", anfrage.pk)

    def _refused(self, request, anfrage: Anfrage, error: ValidationError) -> AntwortForm:
        """The form again with the text as typed and the reason.

        After "answered meanwhile" the form's moment is now: the writer has seen
        the other answer, and sending again is then a deliberate choice.
        """
        anfrage.refresh_from_db()
        data = request.POST.copy()
        if error.code == "answered_meanwhile":
            data[f"{AntwortForm.prefix}-stand"] = timezone.now().isoformat()
        form = AntwortForm(data, anfrage=anfrage)
        form.is_valid()
        form.add_error("text" if error.code in ("empty", "placeholder") else None, error)
        return form

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if form.changed_data:
            details = ", ".join(f"{form.fields[name].label}: {self._display(obj, name)}" for name in form.changed_data)
            services.anfrage_log(
                anfrage=obj, benutzer=request.user, aktion=Protokolleintrag.Aktion.GEAENDERT, details=details
            )

    @staticmethod
    def _display(obj, name) -> str:
        """A changed field as staff read it: "in Bearbeitung", not "in_bearbeitung"."""
        display = getattr(obj, f"get_{name}_display", None)
        return str((display() if display else getattr(obj, name)) or "–")

    def save_formset(self, request, form, formset, change):
        if formset.model is not Notiz:
            return super().save_formset(request, form, formset, change)
        for notiz in formset.save(commit=False):
            if notiz.pk is None and notiz.text.strip():
                services.notiz_create(anfrage=form.instance, autor=request.user, text=notiz.text)

    @admin.action(description=_("Ausgewählte Anfragen anonymisieren (nicht umkehrbar)"), permissions=["change"])
    def anonymize(self, request, queryset):
        count = 0
        for anfrage in queryset.filter(anonymisiert_am__isnull=True):
            services.anfrage_anonymize(anfrage=anfrage, benutzer=request.user)
            count += 1
        self.message_user(
            request,
            ngettext("%(count)d Anfrage anonymisiert.", "%(count)d Anfragen anonymisiert.", count) % {"count": count},
            messages.SUCCESS,
        )


@dashboard.register_first
def beratung(request) -> dashboard.Abschnitt | None:
    """The Beratung team's start page: how many requests are new, mine, overdue, unassigned, each linked to its list."""
    if not request.user.has_perm("anfragen.change_anfrage"):
        return None  # not a member of the Beratung team
    liste = reverse("admin:anfragen_anfrage_changelist")
    anfragen = Anfrage.objects.all()
    zahlen = [
        (_("Neu"), anfragen.new().count(), "status__exact=neu"),
        (_("Meine offenen"), anfragen.open().assigned_to(request.user).count(), "ansicht=meine"),
        (_("Überfällig"), anfragen.overdue().count(), "frist=ueberfaellig"),
        (_("Niemandem zugewiesen"), anfragen.open().unassigned().count(), "ansicht=niemand"),
    ]
    zeilen = [dashboard.Zeile(f"{text}: {anzahl}", f"{liste}?{query}") for text, anzahl, query in zahlen]
    return dashboard.Abschnitt(_("Anfragen"), zeilen, zaehlen=False)
