from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnfragenConfig(AppConfig):
    name = "anfragen"
    verbose_name = _("Anfragen und Beratung")
