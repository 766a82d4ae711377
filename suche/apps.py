from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SucheConfig(AppConfig):
    name = "suche"
    verbose_name = _("Suche")

    def ready(self):
        # Every save of something the search finds updates its entries at once: no nightly rebuild.
        from suche.sources import connect_signals

        connect_signals()
