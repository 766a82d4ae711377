from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BenachrichtigungenConfig(AppConfig):
    name = "benachrichtigungen"
    verbose_name = _("E-Mail-Benachrichtigungen")

    def ready(self):
        from django.apps import apps
        from django.db.models.signals import post_save

        from benachrichtigungen.quellen import quelle_of
        from benachrichtigungen.signals import item_saved

        # Every model whose items are announced, subclasses too: a Sitzung is saved with itself as sender.
        for model in apps.get_models():
            if quelle_of(model) is not None:
                post_save.connect(item_saved, sender=model, dispatch_uid=f"benachrichtigung-{model._meta.label}")
