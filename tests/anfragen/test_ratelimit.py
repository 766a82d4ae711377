"""The per-client rate limit: counted per hour in the database, exactly, by every process together."""

import concurrent.futures
import datetime
import hashlib
import threading
from unittest import mock

import pytest
from django.db import connection
from django.test import RequestFactory
from django.utils import timezone

from anfragen.models import Versuchszaehler
from anfragen.ratelimit import limit_exceeded
from anfragen.services import versuch_count

ADDRESS = "203.0.113.9"


def attempt(address=ADDRESS, limit=2) -> bool:
    return limit_exceeded(RequestFactory().post("/anfrage/", REMOTE_ADDR=address), scope="anfrage", limit=limit)


def at(hour: int, minute: int = 0):
    return mock.patch(
        "anfragen.services.timezone.now",
        return_value=datetime.datetime(2026, 11, 25, hour, minute, tzinfo=datetime.UTC),
    )


@pytest.mark.django_db
def test_the_limit_counts_per_client_and_starts_again_in_the_next_hour():
    with at(10, 5):
        assert [attempt(), attempt(), attempt()] == [False, False, True]
        assert attempt(address="203.0.113.10") is False  # another client has their own count
    with at(10, 59):
        assert attempt() is True
    with at(11, 0):
        assert attempt() is False
    # The hour before is gone with the first attempt of the new one: nothing is kept longer than needed.
    assert list(Versuchszaehler.objects.values_list("stunde", flat=True).distinct()) == [
        datetime.datetime(2026, 11, 25, 11, tzinfo=datetime.UTC)
    ]


@pytest.mark.django_db
def test_only_a_keyed_hash_of_the_address_is_stored():
    attempt()
    stored = Versuchszaehler.objects.get().schluessel
    assert ADDRESS not in stored
    assert stored not in (
        hashlib.sha256(ADDRESS.encode()).hexdigest(),
        hashlib.sha256(b"anfrage:" + ADDRESS.encode()).hexdigest(),
    )


def test_simultaneous_attempts_are_each_counted_once(postgresql_only, transactional_db):
    threads, per_thread = 4, 25
    barrier = threading.Barrier(threads)

    def count_many() -> list[int]:
        try:
            barrier.wait(timeout=30)
            return [versuch_count(schluessel="gleichzeitig") for _ in range(per_thread)]
        finally:
            connection.close()  # each thread has its own connection

    with concurrent.futures.ThreadPoolExecutor(max_workers=threads) as pool:
        counts = [n for future in [pool.submit(count_many) for _ in range(threads)] for n in future.result(timeout=60)]
    # Every attempt saw its own number: none was lost, none counted twice.
    assert sorted(counts) == list(range(1, threads * per_thread + 1))
    assert (
        Versuchszaehler.objects.get(schluessel="gleichzeitig", stunde__lte=timezone.now()).anzahl
        == threads * per_thread
    )
