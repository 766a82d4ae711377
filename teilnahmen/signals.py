"""What a save of an event means for the people registered: a cancellation mails them, a new date, time
or place mails them too, more places move the waiting list up. On pre_save/post_save, so every way of
saving (the admin, a series' update) counts."""

from teilnahmen.models import Teilnahme
from teilnahmen.services import absage_notify, aenderung_notify, warteliste_advance

# What people who registered must hear of when it changes.
WANN_UND_WO = ("datum", "beginn", "ende", "ort_id")


def veranstaltung_saving(sender, instance, raw=False, **kwargs) -> None:
    """Remember when and where the event was, if anyone registered for it (one query, only then)."""
    instance._wann_und_wo_vorher = None
    if raw or instance.pk is None or not Teilnahme.objects.for_event(instance).exists():
        return
    instance._wann_und_wo_vorher = type(instance)._base_manager.filter(pk=instance.pk).values(*WANN_UND_WO).first()


def veranstaltung_saved(sender, instance, raw=False, **kwargs) -> None:
    if raw:
        return
    if instance.abgesagt:
        absage_notify(veranstaltung_id=instance.pk)
        return
    vorher = getattr(instance, "_wann_und_wo_vorher", None)
    if vorher is not None and any(vorher[feld] != getattr(instance, feld) for feld in WANN_UND_WO):
        aenderung_notify(veranstaltung_id=instance.pk)
    if instance.anmeldung:
        warteliste_advance(veranstaltung_id=instance.pk)
