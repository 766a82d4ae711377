"""A client that starts at the System object and follows every link reaches all public data and nothing else."""

import datetime
from collections import defaultdict

import pytest
from django.conf import settings

from gremien.models import Mitgliedschaft
from tests.factories import (
    make_dokument,
    make_gremium,
    make_mitgliedschaft,
    make_ort,
    make_person,
    make_sitzung,
    make_tagesordnungspunkt,
    make_vorlage,
    make_wahlperiode,
)
from tests.oparl.conftest import API, TIMESTAMP, TYPES, path_of

pytestmark = pytest.mark.django_db

SECRET = "GEHEIM"  # in every name the public must not see


def public_and_secret_council():
    """Published data of every type, and next to it what must never appear; {type: ids expected}."""
    rat = make_gremium()
    arbeitskreis = make_gremium(name="Arbeitskreis Sprache", kurzname="AK")
    verborgen = make_gremium(name=f"{SECRET} Arbeitskreis", veroeffentlicht=False)
    periode = make_wahlperiode()

    vorsitz = make_mitgliedschaft(
        person=make_person(kontakt_email="rat@example.org"), gremium=rat, wahlperiode=periode, rolle=10
    )
    mitglied = make_mitgliedschaft(person=make_person(titel="Dr."), gremium=arbeitskreis)
    ehemalig = make_mitgliedschaft(gremium=rat, beginn=datetime.date(2020, 1, 1), ende=datetime.date(2024, 1, 1))
    make_mitgliedschaft(person=make_person(nachname=f"{SECRET}entwurf", veroeffentlicht=False), gremium=rat)
    make_mitgliedschaft(person=make_person(nachname=f"{SECRET}verborgen"), gremium=verborgen)
    make_person(nachname=f"{SECRET}ohne-mitgliedschaft")

    ort = make_ort()
    sitzung = make_sitzung(ort=ort, gremium=rat, ende=datetime.time(20, 0))
    vorlage = make_vorlage(gremium=arbeitskreis)
    beraten = make_tagesordnungspunkt(
        sitzung, vorlage=vorlage, ergebnis="einstimmig beschlossen", beschluss="<p>Ja</p>"
    )
    offen = make_tagesordnungspunkt(sitzung)
    geheim = make_tagesordnungspunkt(sitzung, titel=f"{SECRET} Personalfrage", oeffentlich=False, vorlage=vorlage)
    files = [
        make_dokument(sitzung=sitzung, art="einladung"),
        make_dokument(sitzung=sitzung, art="niederschrift"),
        make_dokument(sitzung=sitzung),
        make_dokument(sitzung=sitzung, tagesordnungspunkt=beraten),
        make_dokument(vorlage=vorlage),
    ]
    make_dokument(sitzung=sitzung, tagesordnungspunkt=geheim, name=f"{SECRET} Anlage")
    make_dokument(sitzung=sitzung, name=f"{SECRET} Vermerk", oeffentlich=False)

    zweite = make_sitzung(ort=None, gremium=arbeitskreis, beginn=None)

    entwurf = make_sitzung(titel=f"{SECRET} Sitzung", ort=make_ort(name=f"{SECRET} Ort"), veroeffentlicht=False)
    make_dokument(sitzung=entwurf, name=f"{SECRET} Einladung", art="einladung")
    make_tagesordnungspunkt(entwurf, titel=f"{SECRET} Punkt", vorlage=vorlage)
    unveroeffentlicht = make_vorlage(titel=f"{SECRET} Antrag", veroeffentlicht=False)
    make_dokument(vorlage=unveroeffentlicht, name=f"{SECRET} Antragstext")
    make_tagesordnungspunkt(sitzung, vorlage=unveroeffentlicht, titel="Ohne Beratung")

    return {
        "Organization": {rat.pk, arbeitskreis.pk},
        "LegislativeTerm": {periode.pk},
        "Person": {m.person_id for m in (vorsitz, mitglied, ehemalig)},
        "Membership": {m.pk for m in (vorsitz, mitglied, ehemalig)},
        "Meeting": {sitzung.pk, zweite.pk},
        "AgendaItem": set(sitzung.tagesordnungspunkte.values_list("pk", flat=True)),
        "Consultation": {beraten.pk},
        "Paper": {vorlage.pk},
        "File": {f.pk for f in files},
        "Location": {ort.pk},
        "Body": {1},
        "System": set(),
        "_offen": offen,
        "_geheim": geheim,
    }


def walk(client):
    """Every answer reachable from the System object {url: data}, the objects seen embedded, the other links."""
    answers, embedded, pages = {}, defaultdict(list), set()
    todo = {settings.SITE_URL + API}
    while todo:
        url = todo.pop()
        if url in answers:
            continue
        response = client.get(path_of(url))
        assert response.status_code == 200, url
        assert response["Access-Control-Allow-Origin"] == "*"
        assert response["Content-Type"] == "application/json; charset=utf-8"
        assert SECRET not in response.content.decode(), url
        answers[url] = data = response.json()
        top = data.get("data", [data])
        for found in objects_in(data):
            if found not in top:
                embedded[found["id"]].append(found)
        for link in links_in(data):
            if link.startswith(settings.SITE_URL + API):
                todo.add(link)
            elif link.startswith(settings.SITE_URL):
                pages.add(link)  # web pages and files
    return answers, embedded, pages


def objects_in(value):
    if isinstance(value, dict):
        if value.get("type") in TYPES:
            yield value
        for item in value.values():
            yield from objects_in(item)
    elif isinstance(value, list):
        for item in value:
            yield from objects_in(item)


def links_in(value):
    if isinstance(value, str) and value.startswith("http"):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from links_in(item)


def test_a_client_walking_every_link_finds_all_public_data_and_nothing_else(client):
    expected = public_and_secret_council()
    answers, embedded, pages = walk(client)
    # The web pages and files it links to are there for everyone (the site's own address only).
    pages.discard(settings.SITE_URL)
    for page in pages:
        assert client.get(path_of(page)).status_code == 200, page

    found = defaultdict(set)
    for data in answers.values():
        for obj in objects_in(data):
            assert obj["type"] in TYPES
            assert obj["id"].startswith(settings.SITE_URL + API)
            if obj["type"].endswith("/System"):
                continue
            assert TIMESTAMP.match(obj["created"]) and TIMESTAMP.match(obj["modified"]), obj
            assert "deleted" not in obj
            found[obj["type"].rsplit("/", 1)[1]].add(int(obj["id"].rsplit("/", 1)[1]))
    for typ, ids in expected.items():
        if not typ.startswith("_") and typ != "System":
            assert found[typ] == ids, typ

    # Every embedded object is also there under its own id, with the same values (plus back-references).
    for object_id, copies in embedded.items():
        alone = answers[object_id]
        for copy in copies:
            assert {key: alone.get(key) for key in copy} == copy, object_id

    # Back-references: present when fetched alone, absent when embedded (spec chapter 3).
    back_references = {
        "agendaitem": {"meeting"},
        "membership": {"person"},
        "consultation": {"paper"},
        "legislativeterm": {"body"},
        "file": {"meeting", "agendaItem", "paper"},
        "location": {"meetings"},
    }
    for object_id, copies in embedded.items():
        back = back_references[object_id.split(API)[1].split("/")[0]]
        assert back & set(answers[object_id]), object_id
        assert all(not back & set(copy) for copy in copies), object_id

    geheim = answers[f"{settings.SITE_URL}{API}agendaitem/{expected['_geheim'].pk}"]
    assert geheim["name"] == "nicht öffentlich" and geheim["public"] is False
    assert set(geheim) <= {"id", "type", "meeting", "number", "order", "public", "name", "created", "modified"}


def test_meeting_has_its_agenda_in_order_files_in_their_places_and_a_web_page(client, get):
    expected = public_and_secret_council()
    meeting = get(f"{API}meeting/{min(expected['Meeting'])}")
    assert [item["order"] for item in meeting["agendaItem"]] == list(range(len(meeting["agendaItem"])))
    assert meeting["invitation"]["type"].endswith("/File") and meeting["resultsProtocol"]["type"].endswith("/File")
    assert len(meeting["auxiliaryFile"]) == 1
    assert [len(item.get("auxiliaryFile", [])) for item in meeting["agendaItem"]] == [1, 0, 0, 0]
    assert meeting["start"].endswith(("+01:00", "+02:00")) and meeting["end"] > meeting["start"]
    assert meeting["location"]["description"].startswith("Ort ")
    assert meeting["meetingState"] == "eingeladen" and meeting["cancelled"] is False
    assert client.get(path_of(meeting["web"])).status_code == 200


def test_body_and_system_carry_the_lists_oparl_1_1_requires(get):
    make_wahlperiode()
    system = get(API)
    assert system["oparlVersion"] == "https://schema.oparl.org/1.1/"
    assert system["website"] == settings.SITE_URL
    body = get(system["body"])["data"][0]
    required = ["organization", "person", "meeting", "paper", "agendaItem", "consultation", "file"]
    required += ["locationList", "legislativeTermList", "membership"]
    for name in required:
        assert get(body[name])["data"] is not None, name
    assert body["name"] == "Stadt Beckum" and len(body["legislativeTerm"]) == 1
    assert "body" not in body["legislativeTerm"][0]
    assert get(body["id"]) == body


def test_contact_details_only_while_a_member(get):
    current = make_mitgliedschaft(person=make_person(kontakt_email="a@example.org", kontakt_telefon="02521 1"))
    former = make_mitgliedschaft(
        person=make_person(kontakt_email="b@example.org"),
        beginn=datetime.date(2020, 1, 1),
        ende=datetime.date(2024, 1, 1),
        rolle=Mitgliedschaft.Rolle.BERATEND,
    )
    now = get(f"{API}person/{current.person_id}")
    assert now["email"] == ["a@example.org"] and now["phone"] == ["02521 1"] and now["web"].endswith("/mitglieder/")
    then = get(f"{API}person/{former.person_id}")
    assert "email" not in then and then["web"].endswith("/mitglieder/ehemalige/")
    assert then["membership"][0]["role"] == "beratendes Mitglied" and then["membership"][0]["endDate"] == "2024-01-01"
