from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ThemenConfig(AppConfig):
    name = "themen"
    verbose_name = _("Themen und Rückblicke")
