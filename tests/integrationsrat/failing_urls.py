from django.db import OperationalError
from django.urls import path

from integrationsrat import urls


def broken(request):
    raise RuntimeError("boom")


def database_gone(request):
    raise OperationalError("could not connect to server")


# i18n_patterns may only live in a root URLconf, so extend the real one's list.
urlpatterns = [path("kaputt/", broken), path("datenbank-weg/", database_gone), *urls.urlpatterns]
handler500 = "integrationsrat.views.server_error"
