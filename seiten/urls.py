from django.urls import path

from seiten import views
from seiten.models import Seite

app_name = "seiten"

S = Seite.Schluessel
PATHS = {
    S.UEBER_UNS: "ueber-uns/",
    S.UEBER_UNS_LS: "ueber-uns/leichte-sprache/",
    S.SITZUNGEN_LS: "sitzungen/leichte-sprache/",
    S.IMPRESSUM: "impressum/",
    S.DATENSCHUTZ: "datenschutz/",
    S.BARRIEREFREIHEIT: "barrierefreiheit/",
}

# One named route per fixed page; the request page in Leichte Sprache lives
# with the form (anfragen:leichte_sprache).
urlpatterns = [path(route, views.seite, {"schluessel": key.value}, name=key.value) for key, route in PATHS.items()]
