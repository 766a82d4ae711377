from django.urls import include, path


def broken(request):
    raise RuntimeError("boom")


urlpatterns = [path("kaputt/", broken), path("", include("integrationsrat.urls"))]
handler500 = "integrationsrat.views.server_error"
