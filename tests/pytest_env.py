"""Environment for the test suite, loaded as a plugin (-p) before pytest-django imports the settings."""

import os

# The settings refuse to start without a key, and production defaults to
# HTTPS-only; the suite runs on plain HTTP against test servers.
os.environ.setdefault("DJANGO_SECRET_KEY", "test-only-not-a-secret")
os.environ.setdefault("DJANGO_HTTPS", "false")
# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
