from django.urls import path

import integrationsrat.converters  # noqa: F401  (registers <jahr:...>)
from veranstaltungen import views
from veranstaltungen.feeds import VeranstaltungFeed

app_name = "veranstaltungen"

urlpatterns = [
    path("", views.VeranstaltungListView.as_view(), name="list"),
    path("kalender.ics", views.kalender_ics, name="kalender_ics"),
    path("reihe/<int:reihe>.ics", views.reihe_ics, name="reihe_ics"),
    path("feed/", VeranstaltungFeed(), name="feed"),
    path("<jahr:jahr>/", views.VeranstaltungJahrView.as_view(), name="jahr"),
    path("<jahr:jahr>/<slug:slug>/", views.VeranstaltungDetailView.as_view(), name="detail"),
    path("<jahr:jahr>/<slug:slug>.ics", views.veranstaltung_ics, name="detail_ics"),
]
