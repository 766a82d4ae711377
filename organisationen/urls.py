from django.urls import path

from organisationen import views

app_name = "organisationen"

urlpatterns = [
    path("", views.OrganisationListView.as_view(), name="list"),
    path("vorschlagen/", views.vorschlagen, name="vorschlagen"),
    path("vorschlagen/gesendet/", views.gesendet, name="gesendet"),
    path("<slug:slug>/", views.OrganisationDetailView.as_view(), name="detail"),
]
