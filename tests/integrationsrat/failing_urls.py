from django.urls import path

from integrationsrat import urls


def broken(request):
    raise RuntimeError("boom")


# i18n_patterns may only live in a root URLconf, so extend the real one's list.
urlpatterns = [path("kaputt/", broken), *urls.urlpatterns]
handler500 = "integrationsrat.views.server_error"
