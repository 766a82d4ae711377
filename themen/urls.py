from django.urls import path

from themen import views

app_name = "themen"

urlpatterns = [
    path("themen/", views.ThemaListView.as_view(), name="list"),
    path("themen/<slug:slug>/", views.ThemaDetailView.as_view(), name="detail"),
    path("rueckblick/<int:jahr>/", views.rueckblick, name="rueckblick"),
]
