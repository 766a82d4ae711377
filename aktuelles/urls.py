from django.urls import path

import integrationsrat.converters  # noqa: F401  (registers <jahr:...>)
from aktuelles import views
from aktuelles.feeds import MeldungFeed

app_name = "aktuelles"

urlpatterns = [
    path("", views.MeldungListView.as_view(), name="list"),
    path("feed/", MeldungFeed(), name="feed"),
    path("<jahr:jahr>/<slug:slug>/", views.MeldungDetailView.as_view(), name="detail"),
]
