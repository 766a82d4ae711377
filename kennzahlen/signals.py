"""Keep each request's anonymous record in step with the request: made when it comes in, updated when answered.

Signals rather than calls in anfragen/services.py: every way a request is
saved (the form, the admin, a reply, a noted phone call) passes through them,
and the requests app needs to know nothing of the figures.
"""

from django.db.models.signals import post_save, pre_save

from kennzahlen import services

SENDER = "anfragen.Anfrage"
# Where pre_save leaves the request's stored values for post_save.
VORHER = "_kennzahl_vorher"


def remember_stored_values(sender, instance, raw=False, update_fields=None, **kwargs):
    """Read what the record depends on before the save changes it (one small query per changed request)."""
    if raw or instance._state.adding or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(services.Stand.FELDER):
        return
    instance.__dict__[VORHER] = services.Stand.stored(instance.pk)


def update_record(sender, instance, created=False, raw=False, **kwargs):
    # A backup being loaded (raw) brings its records with it.
    if raw:
        return
    vorher = instance.__dict__.pop(VORHER, None)
    if created:
        services.kennzahl_create(anfrage=instance)
    elif vorher is not None:
        services.kennzahl_update(anfrage=instance, vorher=vorher)


def connect() -> None:
    pre_save.connect(remember_stored_values, sender=SENDER, dispatch_uid="kennzahlen-vorher")
    post_save.connect(update_record, sender=SENDER, dispatch_uid="kennzahlen-aktualisieren")
