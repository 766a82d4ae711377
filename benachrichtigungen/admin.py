"""Subscribers' addresses are seen by superusers only; the Redaktion sees counts on its start page."""

import datetime

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from benachrichtigungen.models import Abonnement, Anmeldung, Zustellung
from inhalte import dashboard
from inhalte.dashboard import Abschnitt, Zeile, publishable_models

VERSAND_VERZUG = datetime.timedelta(hours=1)


class NurSuperuserMixin:
    """Only superusers see these lists at all (not even in the menu); nobody adds an address by hand:
    consent is given in the form, and confirmed from the mailbox."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return request.user.is_active and request.user.is_superuser


AUSWAHL_FIELDSETS = (
    (None, {"fields": ("email", "termine", "meldungen", "alle_themen", "themen", "sprache")}),
    (_("Einwilligung"), {"fields": ("einwilligung_am", "datenschutz_stand", "erstellt_am")}),
)


@admin.register(Abonnement)
class AbonnementAdmin(NurSuperuserMixin, admin.ModelAdmin):
    list_display = ("email", "termine", "meldungen", "alle_themen", "sprache", "bestaetigt_am")
    list_filter = ("termine", "meldungen", "alle_themen", "sprache")
    search_fields = ("email",)
    date_hierarchy = "bestaetigt_am"
    fieldsets = (*AUSWAHL_FIELDSETS, (_("Bestätigung"), {"fields": ("bestaetigt_am",)}))
    readonly_fields = ("erstellt_am",)


@admin.register(Anmeldung)
class AnmeldungAdmin(NurSuperuserMixin, admin.ModelAdmin):
    list_display = ("email", "angefragt_am", "mail_gesendet_am", "abgelaufen")
    list_filter = ("sprache",)
    search_fields = ("email",)
    fieldsets = (*AUSWAHL_FIELDSETS, (_("Bestätigung"), {"fields": ("angefragt_am", "mail_gesendet_am")}))
    readonly_fields = ("erstellt_am",)

    @admin.display(boolean=True, description=_("Link abgelaufen"))
    def abgelaufen(self, obj):
        return obj.abgelaufen


@dashboard.register
def benachrichtigungen(request) -> Abschnitt | None:
    """Counts only, never an address: the Redaktion sees that the alerts work, not who gets them."""
    if not (request.user.is_superuser or publishable_models(request)):
        return None
    # Something to do only when mails hang: the mail server or the task worker needs a look.
    haengend = Zustellung.objects.pending().waiting_since(timezone.now() - VERSAND_VERZUG).count()
    zahlen = _(
        "Bestätigte Abonnements: %(bestaetigt)s. Unbestätigte Anmeldungen: %(offen)s (nach 7 Tagen gelöscht)."
    ) % {"bestaetigt": Abonnement.objects.count(), "offen": Anmeldung.objects.count()}
    if not haengend:
        return Abschnitt(_("E-Mail-Benachrichtigungen"), [], zahlen)
    warten = _(
        "Benachrichtigungen warten seit über einer Stunde auf den Versand: bitte Mailserver und Task-Worker prüfen"
    )
    return Abschnitt(_("E-Mail-Benachrichtigungen"), [Zeile(warten, detail=str(haengend)), Zeile(zahlen)])
