"""Registrations in the admin: only for those with the permission made for it (`sees_registrations`).

Staff see who registered and who waits, export them as CSV and can delete a
registration (someone cancelled by phone): the waiting list then moves up as
if the person had used their link. Places are handed out by the services only,
so registrations are not added or edited here.
"""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from inhalte.tabellen import csv_response
from teilnahmen.models import Teilnahme, sees_registrations
from teilnahmen.services import teilnahmen_delete


class KommendeFilter(admin.SimpleListFilter):
    title = _("Zeitraum")
    parameter_name = "zeitraum"

    def lookups(self, request, model_admin):
        return [("kommend", _("kommende Veranstaltungen")), ("vergangen", _("vergangene Veranstaltungen"))]

    def queryset(self, request, queryset):
        heute = timezone.localdate()
        if self.value() == "kommend":
            return queryset.filter(veranstaltung__datum__gte=heute)
        if self.value() == "vergangen":
            return queryset.filter(veranstaltung__datum__lt=heute)
        return queryset


@admin.register(Teilnahme)
class TeilnahmeAdmin(admin.ModelAdmin):
    list_display = ("name", "veranstaltung", "status", "personen_anzahl", "angemeldet_am", "email", "telefon")
    # Only the events people registered for, not every event ever entered.
    list_filter = ("status", KommendeFilter, ("veranstaltung", admin.RelatedOnlyFieldListFilter))
    search_fields = ("name", "email", "veranstaltung__titel")
    list_select_related = ("veranstaltung",)
    ordering = ("veranstaltung__datum", "veranstaltung", "status", "angemeldet_am", "pk")
    actions = ("export_csv",)
    readonly_fields = (
        "veranstaltung",
        "name",
        "email",
        "telefon",
        "begleitpersonen",
        "antwort",
        "sprache",
        "status",
        "angemeldet_am",
        "nachgerueckt_am",
        "einwilligung_am",
    )
    fields = readonly_fields

    def has_module_permission(self, request):
        return sees_registrations(request.user)

    def has_view_permission(self, request, obj=None):
        return sees_registrations(request.user)

    def has_add_permission(self, request):
        return False  # places are handed out in order by the form's service, never typed in

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return sees_registrations(request.user) and super().has_delete_permission(request, obj)

    @admin.display(description=_("Personen"))
    def personen_anzahl(self, obj):
        return obj.personen

    def delete_model(self, request, obj):
        teilnahmen_delete(ids=[obj.pk])

    def delete_queryset(self, request, queryset):
        teilnahmen_delete(ids=list(queryset.values_list("pk", flat=True)))

    @admin.action(description=_("Ausgewählte Anmeldungen als CSV herunterladen"))
    def export_csv(self, request, queryset):
        zeilen = queryset.select_related("veranstaltung").order_by(*self.ordering)
        return csv_response(
            f"anmeldungen-{timezone.localdate():%Y-%m-%d}.csv",
            [
                str(_("Veranstaltung")),
                str(_("Datum")),
                str(_("Status")),
                str(_("Name")),
                str(_("E-Mail-Adresse")),
                str(_("Telefon")),
                str(_("Begleitpersonen")),
                str(_("Antwort auf die Frage")),
                str(_("angemeldet am")),
            ],
            (
                [
                    t.veranstaltung.titel,
                    f"{t.veranstaltung.datum:%d.%m.%Y}",
                    t.get_status_display(),
                    t.name,
                    t.email,
                    t.telefon,
                    t.begleitpersonen,
                    t.antwort,
                    f"{timezone.localtime(t.angemeldet_am):%d.%m.%Y %H:%M}",
                ]
                for t in zeilen
            ),
        )
