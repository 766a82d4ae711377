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
    # Under /leichte-sprache/, not /themen/leichte-sprache/: there it would share its address with a topic's.
    S.LEICHTE_SPRACHE: "leichte-sprache/",
    S.THEMEN_LS: "leichte-sprache/themen/",
    S.TERMINE_LS: "leichte-sprache/termine/",
}

# One named route per fixed page; the request page in Leichte Sprache lives
# with the form (anfragen:leichte_sprache).
urlpatterns = [path(route, views.seite, {"schluessel": key.value}, name=key.value) for key, route in PATHS.items()]
urlpatterns += [
    path("gebaerdensprache/", views.gebaerdensprache, name="gebaerdensprache"),
    path("barriere-melden/", views.barriere_melden, name="barriere_melden"),
    path("barriere-melden/gesendet/", views.barriere_gesendet, name="barriere_gesendet"),
]
