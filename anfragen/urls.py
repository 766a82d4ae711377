from django.urls import path

from anfragen import views

app_name = "anfragen"

urlpatterns = [
    path("", views.anfrage, name="formular"),
    path("gesendet/", views.gesendet, name="gesendet"),
]
