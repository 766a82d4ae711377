from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class GremienConfig(AppConfig):
    name = "gremien"
    verbose_name = _("Gremien, Mitglieder und Sitzungen")

    def ready(self):
        from django.db.models.signals import post_delete

        from gremien.models import Dokument

        post_delete.connect(dokumentdatei_delete_with, sender=Dokument, dispatch_uid="dokumentdatei_delete_with")


def dokumentdatei_delete_with(sender, instance, **kwargs):
    """A deleted document's file goes with it (once the transaction commits)."""
    from gremien.services import dokumentdatei_delete

    dokumentdatei_delete(instance.datei.name)
