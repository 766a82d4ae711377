from django.apps import AppConfig


class InhalteConfig(AppConfig):
    """The foundation every content app builds on: publishing, translations, images."""

    name = "inhalte"
    verbose_name = "Inhalte"  # abstract models only, so never shown in the admin

    def ready(self):
        from django.db.models.signals import post_delete, pre_save

        from inhalte.models import bilddateien_delete_with, image_models, keep_current_image_on_restore

        # Derived from the base class, so a new model with an image cannot forget it.
        for model in image_models():
            post_delete.connect(bilddateien_delete_with, sender=model, dispatch_uid=f"bilder-{model._meta.label}")
            pre_save.connect(
                keep_current_image_on_restore, sender=model, dispatch_uid=f"bild-behalten-{model._meta.label}"
            )
