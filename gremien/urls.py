from django.urls import path

import integrationsrat.converters  # noqa: F401  (registers <jahr:...>)
from gremien import views

app_name = "gremien"

urlpatterns = [
    path("mitglieder/", views.MitgliederView.as_view(), name="mitglieder"),
    path("mitglieder/ehemalige/", views.EhemaligeView.as_view(), name="ehemalige"),
    path("sitzungen/", views.SitzungListView.as_view(), name="sitzungen"),
    path("sitzungen/<jahr:jahr>/", views.SitzungJahrView.as_view(), name="sitzungen_jahr"),
    path("sitzungen/<jahr:jahr>/<slug:slug>/", views.SitzungDetailView.as_view(), name="sitzung"),
    path("sitzungen/<jahr:jahr>/<slug:slug>.ics", views.sitzung_ics, name="sitzung_ics"),
    path("sitzungen/vorlagen/<int:pk>/", views.VorlageDetailView.as_view(), name="vorlage"),
    path("dokumente/<int:pk>/<str:dateiname>", views.dokument, {"download": False}, name="dokument"),
    path("dokumente/<int:pk>/download/<str:dateiname>", views.dokument, {"download": True}, name="dokument_download"),
]
