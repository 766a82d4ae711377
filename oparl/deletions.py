"""Deleted objects, remembered for OParl clients (they must learn what was removed, see Loeschung)."""

from django.db.models.signals import post_delete
from django.utils import timezone

# {model label: OParl type name}; the serializers use the same names for their URLs.
TRACKED = {
    "gremien.Gremium": "organization",
    "gremien.Wahlperiode": "legislativeterm",
    "gremien.Person": "person",
    "gremien.Mitgliedschaft": "membership",
    "gremien.Sitzung": "meeting",
    "gremien.Tagesordnungspunkt": "agendaitem",
    "gremien.Vorlage": "paper",
    "gremien.Dokument": "file",
    "veranstaltungen.Ort": "location",
}
# {model label: (model label, foreign key)} of the objects each one is embedded or listed in: they
# change when it goes (spec 2.8: "muss ... der Wert `modified` aller Objekte aktualisiert werden, in
# die dieses Objekt eingebettet war"). A meeting's `geaendert_am` is its event's.
PARENTS = {
    "gremien.Mitgliedschaft": (("gremien.Person", "person_id"), ("gremien.Gremium", "gremium_id")),
    "gremien.Tagesordnungspunkt": (("veranstaltungen.Veranstaltung", "sitzung_id"), ("gremien.Vorlage", "vorlage_id")),
    "gremien.Dokument": (
        ("veranstaltungen.Veranstaltung", "sitzung_id"),
        ("gremien.Tagesordnungspunkt", "tagesordnungspunkt_id"),
        ("gremien.Vorlage", "vorlage_id"),
    ),
}


def loeschung_record(sender, instance, **kwargs) -> None:
    from django.apps import apps

    from oparl.models import Loeschung

    if instance.pk is None:
        return  # never stored, so never listed
    now = timezone.now()
    typ = TRACKED[sender._meta.label]
    erstellt_am = getattr(instance, "erstellt_am", None)
    Loeschung.objects.update_or_create(
        typ=typ, objekt_id=instance.pk, defaults={"geloescht_am": now, "erstellt_am": erstellt_am}
    )
    if typ == "agendaitem" and instance.vorlage_id:
        # The consultation of a paper is its agenda item: it goes with it.
        Loeschung.objects.update_or_create(
            typ="consultation", objekt_id=instance.pk, defaults={"geloescht_am": now, "erstellt_am": erstellt_am}
        )
    for label, fk in PARENTS.get(sender._meta.label, ()):
        if getattr(instance, fk):
            # update(): no signals, no history entry; in a cascade the parent may be going too (then: no row).
            apps.get_model(label).objects.filter(pk=getattr(instance, fk)).update(geaendert_am=now)


def connect() -> None:
    from django.apps import apps

    for label in TRACKED:
        post_delete.connect(loeschung_record, sender=apps.get_model(label), dispatch_uid=f"oparl-loeschung-{label}")
