from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class KennzahlenConfig(AppConfig):
    """Figures about requests without personal data: one anonymous record per request, kept for good."""

    name = "kennzahlen"
    verbose_name = _("Kennzahlen")

    def ready(self):
        from kennzahlen import signals

        # Hooked to the request's saves from here, so the requests app needs to know nothing of the figures.
        signals.connect()
