from django.urls import path

import integrationsrat.converters  # noqa: F401  (registers <jahr:...>)
from themen import views
from themen.feeds import ThemaFeed

app_name = "themen"

urlpatterns = [
    path("themen/", views.ThemaListView.as_view(), name="list"),
    path("themen/<slug:slug>/", views.ThemaDetailView.as_view(), name="detail"),
    path("themen/<slug:slug>/feed/", ThemaFeed(), name="feed"),
    path("rueckblick/<jahr:jahr>/", views.rueckblick, name="rueckblick"),
]
