from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OrganisationenConfig(AppConfig):
    name = "organisationen"
    verbose_name = _("Migrantenorganisationen")
