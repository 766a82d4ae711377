from django.contrib.auth.views import LogoutView
from django.urls import path

from zugang import views

app_name = "zugang"

# Under /admin/zweiter-faktor/ (integrationsrat/urls.py): the only admin pages open before the second factor.
urlpatterns = [
    path("einrichten/", views.einrichten, name="einrichten"),
    path("bestaetigen/", views.bestaetigen, name="bestaetigen"),
    # The admin's own logout answers only fully logged-in staff; this one also those halfway through.
    path("abmelden/", LogoutView.as_view(next_page="admin:login"), name="abmelden"),
]
