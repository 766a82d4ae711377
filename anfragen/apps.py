from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AnfragenConfig(AppConfig):
    name = "anfragen"
    verbose_name = _("Anfragen und Beratung")

    def ready(self):
        from django.middleware.csrf import get_token

        from anfragen.spam import new_start_token
        from integrationsrat.page_cache import register_filler

        # The cached form pages (requests, alerts) name their per-visit tokens; these make them.
        register_filler("csrf", get_token)
        register_filler("anfrage-start", new_start_token)
