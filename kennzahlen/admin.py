from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from anfragen.models import sees_personal_data
from inhalte.tabellen import csv_response
from kennzahlen.forms import JahrForm
from kennzahlen.models import Anfragekennzahl
from kennzahlen.report import Jahresbericht, year_report


def may_see_figures(user) -> bool:
    """Those who do the advice work (anfragen.models.sees_personal_data): the figures describe it."""
    return user.is_staff and sees_personal_data(user)


@admin.register(Anfragekennzahl)
class AnfragekennzahlAdmin(admin.ModelAdmin):
    """Not a list of records: the year's figures (and their CSV) take the list's place.

    The records are counted, never shown one by one, and nobody edits them:
    the signals keep them in step with the requests. The app list links here
    for Beratung and superusers only.
    """

    def has_module_permission(self, request):
        return may_see_figures(request.user)

    def has_view_permission(self, request, obj=None):
        return may_see_figures(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        # The list's own name, so the admin's app list links to the figures.
        return [
            path("", self.admin_site.admin_view(self.figures_view), name="kennzahlen_anfragekennzahl_changelist"),
            path("csv/", self.admin_site.admin_view(self.csv_view), name="kennzahlen_anfragekennzahl_csv"),
        ]

    def _report(self, request) -> tuple[Jahresbericht, JahrForm]:
        if not self.has_view_permission(request):
            raise PermissionDenied
        heute = timezone.localdate()
        jahre = sorted({*Anfragekennzahl.objects.years(), heute.year}, reverse=True)
        jahr = JahrForm(request.GET or None, jahre=jahre).chosen_year(default=heute.year)
        return year_report(jahr), JahrForm(initial={"jahr": jahr}, jahre=jahre)

    def figures_view(self, request):
        bericht, form = self._report(request)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.opts,
            "title": _("Kennzahlen der Anfragen %(jahr)s") % {"jahr": bericht.jahr},
            "bericht": bericht,
            "form": form,
            "csv_url": f"{reverse('admin:kennzahlen_anfragekennzahl_csv')}?jahr={bericht.jahr}",
        }
        return TemplateResponse(request, "admin/kennzahlen/jahresbericht.html", context)

    def csv_view(self, request):
        bericht, _form = self._report(request)
        zeilen = [(_("Gesamt"), bericht.gesamt)] + [
            (tabelle.spalte, zeile) for tabelle in bericht.tabellen for zeile in tabelle.zeilen
        ]
        return csv_response(
            f"anfragen-kennzahlen-{bericht.jahr}.csv",
            [
                _("Jahr"),
                _("Gliederung"),
                _("Wert"),
                _("Anzahl"),
                _("davon beantwortet"),
                _("Median bis zur ersten Antwort (Arbeitstage)"),
                _("Median bis zur ersten Antwort (Kalendertage)"),
            ],
            (
                [
                    bericht.jahr,
                    gliederung,
                    zeile.bezeichnung,
                    zeile.anzahl,
                    zeile.beantwortet,
                    zeile.median_arbeitstage,
                    zeile.median_tage,
                ]
                for gliederung, zeile in zeilen
            ),
        )
