from django.apps import AppConfig


class IntegrationsratConfig(AppConfig):
    name = "integrationsrat"
    verbose_name = "Integrationsrat"
