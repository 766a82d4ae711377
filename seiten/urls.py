from django.urls import path

from seiten import views
from seiten.models import Seite

app_name = "seiten"

# One named route per fixed page: /ueber-uns/, /impressum/, /datenschutz/, /barrierefreiheit/.
urlpatterns = [path(f"{key}/", views.seite, {"schluessel": key}, name=key) for key in Seite.Schluessel.values]
