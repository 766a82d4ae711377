from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


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


class PortalAdminConfig(admin_apps.AdminConfig):
    """The Django admin, with the Redaktion's start page as its index (integrationsrat.admin.PortalAdminSite)."""

    default = False  # named in INSTALLED_APPS; "integrationsrat" itself is IntegrationsratConfig
    default_site = "integrationsrat.admin.PortalAdminSite"
