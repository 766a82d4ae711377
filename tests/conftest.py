import os

import pytest
import redis
from django.core.cache import cache, caches
from django.db import connection
from django.test.client import ClientMixin
from django.utils import translation
from django_otp import DEVICE_ID_SESSION_KEY

from integrationsrat import cache as cache_state
from tests.factories import make_totp_device
from tests.redis_support import REAL_REDIS, redis_settings
from zugang.policy import second_factor_required


@pytest.fixture(autouse=True)
def _test_settings(settings, tmp_path):
    # The manifest storage needs `collectstatic` first; test_static.py checks
    # that build separately. Uploads go to a throwaway folder.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
        "dokumente": {
            "BACKEND": "django.core.files.storage.FileSystemStorage",
            "OPTIONS": {"location": tmp_path / "dokumente", "base_url": None},
        },
    }
    settings.MEDIA_ROOT = tmp_path / "media"
    # Staff users are made in many tests; the slow production hasher adds nothing here.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
    # Background jobs run at once, so a test sees their mail in mail.outbox.
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"}}
    # Spam checks get their own tests; elsewhere a test fills the form in milliseconds.
    settings.ANFRAGE_MIN_FILL_SECONDS = 0
    settings.ANFRAGE_RATE_LIMIT = 1000
    # Each test starts with an empty cache of its own; the page cache has its own tests.
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "default"},
        "fragmente": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "fragmente"},
    }
    settings.PAGE_CACHE_SECONDS = 0
    cache.clear()
    caches["fragmente"].clear()
    # What a process remembers of a failing cache starts afresh too.
    cache_state.__dict__.update(_failing=False, _version_write_lost=False)


@pytest.fixture(autouse=True)
def _force_login_includes_the_second_factor(monkeypatch):
    """`client.force_login(user)` (and pytest-django's `admin_client`) stands for a finished login: the password
    and, for those who need one, the second factor, as if they had typed their app's code.

    The second factor itself is tested through the real login page (tests/zugang/), never with this shortcut.
    """
    force_login = ClientMixin.force_login

    def force_login_verified(self, user, backend=None):
        force_login(self, user, backend)
        if second_factor_required(user):
            session = self.session
            session[DEVICE_ID_SESSION_KEY] = make_totp_device(user).persistent_id
            session.save()

    monkeypatch.setattr(ClientMixin, "force_login", force_login_verified)


@pytest.fixture(autouse=True)
def _german_by_default():
    # LocaleMiddleware leaves the language of the last request active in the
    # test thread; every test starts in German, the source language.
    translation.activate("de")
    yield
    translation.deactivate()


@pytest.fixture
def real_redis(settings):
    """The shared cache on the Redis at TEST_REDIS_URL (db 7 by default), emptied before and after."""
    try:
        redis.Redis.from_url(REAL_REDIS, socket_timeout=0.5).ping()
    except redis.RedisError:
        if os.environ.get("CI") == "true":
            pytest.fail(f"Redis at {REAL_REDIS} is needed in CI (see .ci/run)")
        pytest.skip(f"no Redis at {REAL_REDIS}")
    redis_settings(settings, REAL_REDIS)
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def postgresql_only():
    """What only PostgreSQL has: concurrent writers (SQLite answers "database is locked" by design),
    full-text search with stemming and trigram similarity. CI runs on PostgreSQL and never skips these."""
    if connection.vendor == "postgresql":
        return
    reason = f"needs PostgreSQL (set DATABASE_URL); the test database is {connection.vendor}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}. CI must run this test, never skip it.")
    pytest.skip(reason)
