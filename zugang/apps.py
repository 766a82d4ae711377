from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZugangConfig(AppConfig):
    """Staff login's second factor: who needs one (policy.py), its setup and check, the superuser's reset."""

    name = "zugang"
    verbose_name = _("Zugang")
