from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AktuellesConfig(AppConfig):
    name = "aktuelles"
    verbose_name = _("Aktuelles")
