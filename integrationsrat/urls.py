from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path

from integrationsrat import views
from integrationsrat.sitemaps import SITEMAPS

# The admin and machine-read files stay outside the language prefixes; the
# admin is German for staff.
urlpatterns = [
    path("sitemap.xml", sitemap, {"sitemaps": SITEMAPS}, name="sitemap"),
    # The login's second step (zugang/), under the admin's prefix but open before it is done.
    path("admin/zweiter-faktor/", include("zugang.urls")),
    path("admin/", admin.site.urls),
    path("healthz", views.healthz, name="healthz"),
    path("robots.txt", views.robots_txt, name="robots"),
    # Open council data (OParl 1.1): machine-read, language-neutral.
    path("oparl/v1.1/", include("oparl.urls")),
]

# Public pages: German without prefix, other languages under /en/, /tr/, ...
urlpatterns += i18n_patterns(
    path("", views.start, name="start"),
    path("", include("themen.urls")),
    path("veranstaltungen/", include("veranstaltungen.urls")),
    path("aktuelles/", include("aktuelles.urls")),
    path("", include("gremien.urls")),
    path("anfrage/", include("anfragen.urls")),
    path("benachrichtigungen/", include("benachrichtigungen.urls")),
    path("organisationen/", include("organisationen.urls")),
    path("", include("teilnahmen.urls")),
    path("", include("seiten.urls")),
    path("suche/", include("suche.urls")),
    prefix_default_language=False,
)

if settings.DEBUG:
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

handler404 = "integrationsrat.views.page_not_found"
handler500 = "integrationsrat.views.server_error"
handler400 = "integrationsrat.views.bad_request"
handler403 = "integrationsrat.views.permission_denied"
