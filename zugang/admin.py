from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from zugang import services

User = get_user_model()

# django-otp lists every device with its secret key and the recovery codes in clear text. Nobody needs that:
# people set up their own factor, and a superuser resets a lost one on the user's page.
for model in (TOTPDevice, StaticDevice):
    if admin.site.is_registered(model):
        admin.site.unregister(model)
# Replaced by the same admin with the second factor added (django.contrib.auth comes first in INSTALLED_APPS).
admin.site.unregister(User)


@admin.register(User)
class BenutzerAdmin(UserAdmin):
    """Django's user admin, plus whether each person has a second factor and the superuser's reset of a lost one."""

    list_display = (*UserAdmin.list_display, "zweiter_faktor")
    fieldsets = (*UserAdmin.fieldsets, (_("Zweiter Faktor"), {"fields": ("zweiter_faktor",)}))
    readonly_fields = ("zweiter_faktor",)
    actions = ["zweiten_faktor_zuruecksetzen"]

    def get_queryset(self, request):
        app = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(hat_zweiten_faktor=Exists(app))

    @admin.display(description=_("Zweiter Faktor"), boolean=True, ordering="hat_zweiten_faktor")
    def zweiter_faktor(self, obj):
        return getattr(obj, "hat_zweiten_faktor", False)

    def has_zweiter_faktor_reset_permission(self, request):
        return request.user.is_superuser

    @admin.action(
        description=_("Zweiten Faktor zurücksetzen (verlorenes Telefon)"),
        permissions=["zweiter_faktor_reset"],
    )
    def zweiten_faktor_zuruecksetzen(self, request, queryset):
        for user in queryset:
            services.zweiter_faktor_reset(user=user, durch=request.user)
        messages.success(
            request,
            ngettext(
                "Zweiter Faktor von %(anzahl)d Person zurückgesetzt: neu einzurichten bei der nächsten Anmeldung.",
                "Zweiter Faktor von %(anzahl)d Personen zurückgesetzt: neu einzurichten bei der nächsten Anmeldung.",
                len(queryset),
            )
            % {"anzahl": len(queryset)},
        )
