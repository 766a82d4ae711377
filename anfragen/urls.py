from django.urls import path

from anfragen import views

app_name = "anfragen"

urlpatterns = [
    path("", views.anfrage, name="formular"),
    path("leichte-sprache/", views.anfrage, {"leichte_sprache": True}, name="leichte_sprache"),
    path("gesendet/", views.gesendet, name="gesendet"),
    path("status/<str:referenz>/<str:token>/", views.status, name="status"),
]
