"""The admin site: German, and its start page shows the Redaktion what needs doing (inhalte.dashboard)."""

from django.contrib import admin
from django.views.i18n import JavaScriptCatalog

from inhalte import dashboard
from zugang import policy as zweiter_faktor


class PortalAdminSite(admin.AdminSite):
    # Outside the language prefixes the admin is German for staff, whatever their browser asks for.
    site_header = "Integrationsrat Beckum – Verwaltung"
    site_title = "Integrationsrat Beckum"
    index_title = "Übersicht"
    site_url = "/"
    index_template = "admin/portal_index.html"

    def has_permission(self, request):
        # Staff who still owe their second factor are not admin users yet (zugang.middleware sends them on).
        return super().has_permission(request) and not zweiter_faktor.second_factor_pending_in(request)

    def each_context(self, request):
        # The local try-out's note and the opt-in link for the second factor, on every admin page.
        return {**super().each_context(request), **zweiter_faktor.admin_context(request.user)}

    def index(self, request, extra_context=None):
        # Only the sections the user's permissions allow (each section checks them).
        extra_context = {"redaktion": dashboard.sections(request), **(extra_context or {})}
        return super().index(request, extra_context)

    def i18n_javascript(self, request, extra_context=None):
        # The editor's dialogs (link, list settings) in German too: its package ships the catalog.
        return JavaScriptCatalog.as_view(packages=["django.contrib.admin", "django_prose_editor"])(request)
