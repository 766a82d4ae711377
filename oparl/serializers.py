"""OParl 1.1 objects as JSON-ready dicts: one function per type (spec chapter 3).

Every object has `id`, `type`, `created` and `modified`, embedded ones too (new in 1.1). An embedded
object leaves out its back-references (spec 3: "Bei der internen Ausgabe wird beim internen Objekt auf
die Rückreferenz auf das Elternobjekt verzichtet"); fetched alone, or in its own list, it has them.
Optional properties without data are left out, never null, "" or [] (spec 2.4). Texts are German
whatever language a browser asks for: the views call these within translation.override("de").
"""

import datetime
import functools

from django.conf import settings
from django.urls import reverse
from django.utils import timezone

from gremien.models import Dokument, Sitzung
from inhalte.richtext import plain_text
from oparl.sources import BodyFacts, Gone

SCHEMA = "https://schema.oparl.org/1.1/"
TYPES = {
    "system": "System",
    "body": "Body",
    "organization": "Organization",
    "person": "Person",
    "membership": "Membership",
    "legislativeterm": "LegislativeTerm",
    "meeting": "Meeting",
    "agendaitem": "AgendaItem",
    "consultation": "Consultation",
    "paper": "Paper",
    "file": "File",
    "location": "Location",
}
# The states the spec recommends (Meeting.meetingState); a cancelled meeting says so in `cancelled`.
MEETING_STATES = {
    Sitzung.Status.GEPLANT: "terminiert",
    Sitzung.Status.EINGELADEN: "eingeladen",
    Sitzung.Status.DURCHGEFUEHRT: "durchgeführt",
}
BODY_NAME = "Stadt Beckum"


# --- Values -------------------------------------------------------------------------------------------


def absolute(path: str) -> str:
    # From the setting, not the request's host: ids are the same however the API was reached (spec 2.3).
    return settings.SITE_URL + path


@functools.cache
def _object_path(typ: str) -> str:
    # A list page gives out thousands of ids; reverse() once per type, not per id.
    return reverse(f"oparl:{typ}", kwargs={"pk": 1}).removesuffix("1")


def object_url(typ: str, pk: int) -> str:
    return absolute(f"{_object_path(typ)}{pk}")


def list_url(typ: str, **kwargs) -> str:
    return absolute(reverse(f"oparl:{typ}_list", kwargs=kwargs))


def body_url() -> str:
    return absolute(reverse("oparl:body"))


def timestamp(moment: datetime.datetime | None) -> str | None:
    """yyyy-mm-ddThh:mm:ss±hh:mm in the council's time zone (spec 2.4)."""
    return timezone.localtime(moment).isoformat(timespec="seconds") if moment else None


def day_start(value: datetime.date) -> datetime.datetime:
    return datetime.datetime.combine(value, datetime.time(), tzinfo=timezone.get_default_timezone())


def day(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def _object(typ: str, pk: int, created, modified, **properties) -> dict:
    data = {"id": object_url(typ, pk), "type": SCHEMA + TYPES[typ], **properties}
    data.update(created=timestamp(created), modified=timestamp(modified))
    return {key: value for key, value in data.items() if value is not None and value != "" and value != []}


def deleted(typ: str, gone: Gone) -> dict:
    """What is left of a deleted object (spec 2.8): id, type, created, and when it went."""
    return _object(typ, gone.pk, gone.created, gone.modified, deleted=True)


# --- The types ------------------------------------------------------------------------------------------


def system(facts: BodyFacts) -> dict:
    data = {
        "id": absolute(reverse("oparl:system")),
        "type": SCHEMA + "System",
        "oparlVersion": SCHEMA,
        "body": list_url("body"),
        "name": settings.SITE_NAME,
        "website": settings.SITE_URL,
        "contactEmail": settings.CONTACT_EMAIL,
        "created": timestamp(facts.created),
        # Nothing of the system is stored: it changes with a release, not with the data.
        "modified": timestamp(facts.created),
    }
    return {key: value for key, value in data.items() if value}


def body(facts: BodyFacts, *, omit_internal: bool = False) -> dict:
    data = {
        "id": body_url(),
        "type": SCHEMA + "Body",
        "system": absolute(reverse("oparl:system")),
        "name": BODY_NAME,
        "shortName": "Beckum",
        "website": settings.SITE_URL,
        "contactEmail": settings.CONTACT_EMAIL,
        "organization": list_url("organization"),
        "person": list_url("person"),
        "meeting": list_url("meeting"),
        "paper": list_url("paper"),
        "agendaItem": list_url("agendaitem"),
        "consultation": list_url("consultation"),
        "file": list_url("file"),
        "locationList": list_url("location"),
        "legislativeTermList": list_url("legislativeterm"),
        "membership": list_url("membership"),
        "created": timestamp(facts.created),
        "modified": timestamp(facts.modified),
    }
    data = {key: value for key, value in data.items() if value}
    if not omit_internal:
        # Required, so given even when empty (spec 2.4).
        data["legislativeTerm"] = [legislative_term(term, embedded=True) for term in facts.legislative_terms]
    return data


def organization(gremium, *, embedded=False, omit_internal=False) -> dict:
    return _object(
        "organization",
        gremium.pk,
        gremium.erstellt_am,
        gremium.oparl_modified,
        body=body_url(),
        name=gremium.name,
        shortName=gremium.kurzname,
        membership=[object_url("membership", m.pk) for m in gremium.oparl_mitgliedschaften],
        meeting=list_url("organization_meeting", pk=gremium.pk),
        consultation=list_url("organization_consultation", pk=gremium.pk),
        organizationType="Gremium",
        classification=str(gremium.get_art_display()),
        startDate=day(gremium.gruendung),
        endDate=day(gremium.aufloesung),
        web=absolute(reverse("gremien:mitglieder")),
    )


def person(person, *, embedded=False, omit_internal=False) -> dict:
    memberships = person.oparl_mitgliedschaften
    current = any(m.aktiv for m in memberships)
    former = any(m.ende and m.ende < timezone.localdate() for m in memberships)
    web = reverse("gremien:mitglieder") if current else reverse("gremien:ehemalige") if former else None
    return _object(
        "person",
        person.pk,
        person.erstellt_am,
        person.oparl_modified,
        body=body_url(),
        name=person.name,
        familyName=person.nachname,
        givenName=person.vorname,
        title=[person.titel] if person.titel else None,
        # As on the members page: contact details only while the person is a member.
        email=[person.kontakt_email] if current and person.kontakt_email else None,
        phone=[person.kontakt_telefon] if current and person.kontakt_telefon else None,
        membership=None if omit_internal else [membership(m, embedded=True) for m in memberships],
        web=absolute(web) if web else None,
    )


def membership(mitgliedschaft, *, embedded=False, omit_internal=False) -> dict:
    return _object(
        "membership",
        mitgliedschaft.pk,
        mitgliedschaft.erstellt_am,
        mitgliedschaft.oparl_modified,
        person=None if embedded else object_url("person", mitgliedschaft.person_id),
        organization=object_url("organization", mitgliedschaft.gremium_id),
        role=str(mitgliedschaft.get_rolle_display()),
        votingRight=mitgliedschaft.stimmrecht,
        startDate=day(mitgliedschaft.beginn),
        endDate=day(mitgliedschaft.ende),
    )


def legislative_term(wahlperiode, *, embedded=False, omit_internal=False) -> dict:
    return _object(
        "legislativeterm",
        wahlperiode.pk,
        wahlperiode.erstellt_am,
        wahlperiode.oparl_modified,
        body=None if embedded else body_url(),
        name=wahlperiode.name,
        startDate=day(wahlperiode.beginn),
        endDate=day(wahlperiode.ende),
    )


def meeting(sitzung, *, embedded=False, omit_internal=False) -> dict:
    per_item = {}
    for d in sitzung.oparl_dokumente:
        per_item.setdefault(d.tagesordnungspunkt_id, []).append(d)
    own = per_item.get(None, [])
    invitation = next((d for d in own if d.art == Dokument.Art.EINLADUNG), None)
    protocol = next((d for d in own if d.art == Dokument.Art.NIEDERSCHRIFT), None)
    if sitzung.ort_id:
        sitzung.ort.oparl_modified = sitzung.ort.geaendert_am  # a location's `modified` (oparl.sources)
    return _object(
        "meeting",
        sitzung.pk,
        sitzung.erstellt_am,
        sitzung.oparl_modified,
        name=sitzung.titel,
        meetingState=MEETING_STATES.get(sitzung.status),
        cancelled=sitzung.abgesagt,
        # Without a start time (the meeting of 14.11.2024) the day still matters most to clients, who
        # sort and date meetings by `start` (a date-time): the day's beginning, as council systems export it.
        start=timestamp(sitzung.beginn_dt() if sitzung.beginn else day_start(sitzung.datum)),
        end=timestamp(sitzung.ende_dt()) if sitzung.ende else None,
        location=location(sitzung.ort, embedded=True) if sitzung.ort_id else None,
        organization=[object_url("organization", sitzung.gremium_id)] if sitzung.gremium.oeffentlich else None,
        invitation=file(invitation, embedded=True) if invitation else None,
        resultsProtocol=file(protocol, embedded=True) if protocol else None,
        auxiliaryFile=None
        if omit_internal
        else [file(d, embedded=True) for d in own if d is not invitation and d is not protocol],
        agendaItem=None
        if omit_internal
        else [agenda_item(top, embedded=True, files=per_item.get(top.pk, [])) for top in sitzung.oparl_tagesordnung],
        web=absolute(sitzung.get_absolute_url()),
    )


def agenda_item(top, *, embedded=False, omit_internal=False, files=None) -> dict:
    common = {
        "meeting": None if embedded else object_url("meeting", top.sitzung_id),
        "number": top.nummer,
        "order": top.oparl_order,
        "public": top.oeffentlich,
    }
    if not top.oeffentlich:
        # Held in private: that it took place, and nothing of what it was about.
        return _object("agendaitem", top.pk, top.erstellt_am, top.oparl_modified, name="nicht öffentlich", **common)
    files = top.oparl_dokumente if files is None else files
    return _object(
        "agendaitem",
        top.pk,
        top.erstellt_am,
        top.oparl_modified,
        name=top.titel,
        **common,
        consultation=object_url("consultation", top.pk) if top.oparl_beratung else None,
        result=top.ergebnis,
        resolutionText=plain_text(top.beschluss, link_base=settings.SITE_URL) if top.beschluss else None,
        auxiliaryFile=None if omit_internal else [file(d, embedded=True) for d in files],
    )


def consultation(top, *, embedded=False, omit_internal=False) -> dict:
    gremium = top.sitzung.gremium
    return _object(
        "consultation",
        top.pk,
        top.erstellt_am,
        top.oparl_modified,
        paper=None if embedded else object_url("paper", top.vorlage_id),
        agendaItem=object_url("agendaitem", top.pk),
        meeting=object_url("meeting", top.sitzung_id),
        organization=[object_url("organization", gremium.pk)] if gremium.oeffentlich else None,
    )


def paper(vorlage, *, embedded=False, omit_internal=False) -> dict:
    von = vorlage.gremium
    return _object(
        "paper",
        vorlage.pk,
        vorlage.erstellt_am,
        vorlage.oparl_modified,
        body=body_url(),
        name=vorlage.titel,
        reference=vorlage.aktenzeichen,
        date=day(vorlage.datum),
        paperType=str(vorlage.get_art_display()),
        originatorOrganization=[object_url("organization", von.pk)] if von and von.oeffentlich else None,
        consultation=[consultation(top, embedded=True) for top in vorlage.oparl_beratungen],
        auxiliaryFile=None if omit_internal else [file(d, embedded=True) for d in vorlage.oparl_dokumente],
        web=absolute(vorlage.get_absolute_url()),
    )


def file(dokument, *, embedded=False, omit_internal=False) -> dict:
    alone = not embedded
    return _object(
        "file",
        dokument.pk,
        dokument.erstellt_am,
        dokument.oparl_modified,
        name=dokument.name,
        fileName=dokument.dateiname,
        mimeType="application/pdf",  # the only kind gremien accepts (gremien.pdf)
        date=day(dokument.datum),
        size=dokument.groesse or None,
        sha512Checksum=dokument.sha512,
        # A document's whole text: with the File object itself, not in every meeting it is embedded in.
        text=dokument.text if alone else None,
        accessUrl=absolute(dokument.get_access_url()),
        downloadUrl=absolute(dokument.get_absolute_url()),
        meeting=[object_url("meeting", dokument.sitzung_id)] if alone and dokument.sitzung_id else None,
        agendaItem=[object_url("agendaitem", dokument.tagesordnungspunkt_id)]
        if alone and dokument.tagesordnungspunkt_id
        else None,
        paper=[object_url("paper", dokument.vorlage_id)] if alone and dokument.vorlage_id else None,
    )


def location(ort, *, embedded=False, omit_internal=False) -> dict:
    return _object(
        "location",
        ort.pk,
        ort.erstellt_am,
        ort.oparl_modified,
        # The address is one free text (street, number, town): not split into fields it may not fit.
        description=", ".join(part for part in (ort.name, ort.adresse) if part),
        meetings=None if embedded else [object_url("meeting", v.pk) for v in ort.oparl_sitzungen],
    )


SERIALIZERS = {
    "organization": organization,
    "person": person,
    "membership": membership,
    "legislativeterm": legislative_term,
    "meeting": meeting,
    "agendaitem": agenda_item,
    "consultation": consultation,
    "paper": paper,
    "file": file,
    "location": location,
}


def serialize(typ: str, item, *, omit_internal: bool = False) -> dict:
    if isinstance(item, Gone):
        return deleted(typ, item)
    return SERIALIZERS[typ](item, omit_internal=omit_internal)
