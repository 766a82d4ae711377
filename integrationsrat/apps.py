from django.apps import AppConfig


class IntegrationsratConfig(AppConfig):
    """The site's own wiring: system checks, the page cache's invalidation, the staff roles (migrations)."""

    name = "integrationsrat"
    verbose_name = "Integrationsrat"

    def ready(self):
        import integrationsrat.checks  # noqa: F401  (registers the system checks)
        from inhalte.models import public_models
        from integrationsrat.cache import connect_signals

        # Every model public pages show, as the shared base classes declare them:
        # saving one makes every cached page stale.
        connect_signals(public_models())
