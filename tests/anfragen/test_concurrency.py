"""Many people sending the form at the same moment: nothing lost, nothing doubled, no number given twice.

The reference number comes from a counter row that each request increments in
its own transaction. Only a real server with real concurrent connections on
PostgreSQL shows that the row lock makes requests queue instead of reading the
same number; the test client runs one request at a time and cannot.
"""

import concurrent.futures
import http.client
import http.cookiejar
import threading
import urllib.parse
import urllib.request
from collections import Counter
from html.parser import HTMLParser

from django.core import mail
from django.urls import reverse

from anfragen.models import Anfrage
from anfragen.services import referenz_format
from tests.factories import make_themenbereich

SUBMISSIONS = 50
TIMEOUT = 30  # seconds, for every single HTTP call and for the barrier


class _Inputs(HTMLParser):
    """The name and value of every <input> on the page."""

    def __init__(self):
        super().__init__()
        self.values = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "input" and attrs.get("name"):
            self.values[attrs["name"]] = attrs.get("value") or ""


def _submit(*, barrier: threading.Barrier, **kwargs) -> tuple[int, str]:
    try:
        return _visit(barrier=barrier, **kwargs)
    except BaseException:
        barrier.abort()  # the others stop waiting at once: the test reports this error, not a timeout
        raise


def _visit(*, form_url: str, bereich_id: int, nummer: int, barrier: threading.Barrier) -> tuple[int, str]:
    """One visitor with their own browser (cookie jar): open the form, wait for the others, send it.

    The connection for the POST is opened before the barrier, so after it all 50 requests hit a server
    that has already accepted them: the test server listens with a backlog of only 10, and 50 connects
    in the same millisecond would otherwise be reset by the kernel before Django sees them.
    """
    cookies = http.cookiejar.CookieJar()
    opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(cookies))
    with opener.open(form_url, timeout=TIMEOUT) as response:
        parser = _Inputs()
        parser.feed(response.read().decode())
    body = urllib.parse.urlencode(
        {
            "csrfmiddlewaretoken": parser.values["csrfmiddlewaretoken"],
            "gestartet": parser.values["gestartet"],
            "email": f"person{nummer}@example.org",
            "themenbereich": str(bereich_id),
            "nachricht": f"Anfrage Nummer {nummer}: Ich brauche Hilfe mit meinem Antrag.",
            "sprache": "de",
            "einwilligung": "on",
        }
    )
    headers = {
        "Content-Type": "application/x-www-form-urlencoded",
        "Cookie": "; ".join(f"{c.name}={c.value}" for c in cookies),
        "Referer": form_url,
    }
    url = urllib.parse.urlsplit(form_url)
    # http.client never follows redirects: the 302 itself is the answer we check.
    conn = http.client.HTTPConnection(url.hostname, url.port, timeout=TIMEOUT)
    try:
        conn.connect()
        barrier.wait(timeout=TIMEOUT)  # everyone has a form in hand: now all send at once
        conn.request("POST", url.path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        return response.status, response.getheader("Location", "")
    finally:
        conn.close()


def test_simultaneous_requests_are_each_stored_once_with_gapless_unique_numbers(postgresql_only, live_server):
    """50 advice seekers press "send" at the same moment: each gets a confirmation page, each request is
    stored exactly once, and the reference numbers of the year are 1..50 without gaps or duplicates,
    so the team can tell requests apart and a caller's number always finds their request."""
    bereich = make_themenbereich(name="Wohnen")
    form_url = live_server.url + reverse("anfragen:formular")
    barrier = threading.Barrier(SUBMISSIONS)

    with concurrent.futures.ThreadPoolExecutor(max_workers=SUBMISSIONS) as pool:
        futures = [
            pool.submit(_submit, form_url=form_url, bereich_id=bereich.pk, nummer=n, barrier=barrier)
            for n in range(1, SUBMISSIONS + 1)
        ]
        errors = [future.exception(timeout=3 * TIMEOUT) for future in futures]
    # Show the visitor whose request went wrong, not the others who gave up waiting for them.
    causes = [error for error in errors if error and not isinstance(error, threading.BrokenBarrierError)]
    if causes:
        raise causes[0]
    results = [future.result() for future in futures]

    assert results == [(302, reverse("anfragen:gesendet"))] * SUBMISSIONS
    anfragen = list(Anfrage.objects.all())
    assert len(anfragen) == SUBMISSIONS
    assert len({a.referenz for a in anfragen}) == SUBMISSIONS
    nachrichten = Counter(a.nachricht for a in anfragen)
    for n in range(1, SUBMISSIONS + 1):
        assert nachrichten[f"Anfrage Nummer {n}: Ich brauche Hilfe mit meinem Antrag."] == 1
    # Numbers restart every year; should the test run across New Year, each year is still 1..N.
    for jahr in {a.jahr for a in anfragen}:
        des_jahres = sorted(a.laufende_nummer for a in anfragen if a.jahr == jahr)
        assert des_jahres == list(range(1, len(des_jahres) + 1))
    assert all(a.referenz == referenz_format(jahr=a.jahr, nummer=a.laufende_nummer) for a in anfragen)
    # Every advice seeker got exactly one confirmation, with their own number in it.
    for anfrage in anfragen:
        bestaetigungen = [m for m in mail.outbox if m.to == [anfrage.email]]
        assert len(bestaetigungen) == 1, anfrage.email
        assert anfrage.referenz in bestaetigungen[0].body
        assert anfrage.bestaetigung_gesendet_am is not None
