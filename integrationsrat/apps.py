from django.apps import AppConfig


class IntegrationsratConfig(AppConfig):
    name = "integrationsrat"
    verbose_name = "Integrationsrat"

    def ready(self):
        from django.db.models.signals import post_delete

        import integrationsrat.checks  # noqa: F401  (registers the system checks)
        from anfragen.models import Themenbereich
        from integrationsrat.cache import connect_signals
        from integrationsrat.models import bilder_mit_loeschen
        from seiten.models import Abschnitt, Seite
        from themen.models import Jahresrueckblick, RueckblickThema, Thema
        from veranstaltungen.models import Ort, Veranstaltung

        # Anything a public page shows: saving it makes every cached page stale.
        connect_signals([Thema, Jahresrueckblick, RueckblickThema, Veranstaltung, Ort, Seite, Abschnitt, Themenbereich])
        for model in (Thema, Veranstaltung):  # the models with a BildMixin image
            post_delete.connect(bilder_mit_loeschen, sender=model, dispatch_uid=f"bilder-{model._meta.label}")
