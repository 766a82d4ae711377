from django.urls import path

from benachrichtigungen import views

app_name = "benachrichtigungen"

urlpatterns = [
    path("", views.anmeldung, name="anmeldung"),
    path("gesendet/", views.gesendet, name="gesendet"),
    path("bestaetigen/<str:token>/", views.bestaetigen, name="bestaetigen"),
    path("abmelden/<str:token>/", views.abmelden, name="abmelden"),
]
