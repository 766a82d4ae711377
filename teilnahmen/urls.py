from django.urls import path

import integrationsrat.converters  # noqa: F401  (registers <jahr:...>)
from teilnahmen import views

app_name = "teilnahmen"

urlpatterns = [
    path("veranstaltungen/<jahr:jahr>/<slug:slug>/anmelden/", views.anmelden, name="anmelden"),
    path("veranstaltungen/<jahr:jahr>/<slug:slug>/anmelden/gesendet/", views.gesendet, name="gesendet"),
    path("anmeldung/<str:token>/", views.teilnahme, name="teilnahme"),
]
