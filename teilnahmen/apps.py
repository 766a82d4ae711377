from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TeilnahmenConfig(AppConfig):
    name = "teilnahmen"
    verbose_name = _("Anmeldungen zu Veranstaltungen")

    def ready(self):
        from django.db.models.signals import post_save, pre_save

        from integrationsrat.page_cache import register_filler
        from teilnahmen import views
        from teilnahmen.signals import veranstaltung_saved, veranstaltung_saving
        from veranstaltungen.models import Veranstaltung

        # The places left on a cached page are filled in per visit: never a stale number.
        register_filler("freie-plaetze", views.freie_plaetze_filler)
        register_filler("freie-plaetze-formular", views.freie_plaetze_formular_filler)
        pre_save.connect(veranstaltung_saving, sender=Veranstaltung, dispatch_uid="teilnahmen_veranstaltung_saving")
        post_save.connect(veranstaltung_saved, sender=Veranstaltung, dispatch_uid="teilnahmen_veranstaltung_saved")
