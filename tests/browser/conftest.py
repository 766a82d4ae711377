"""Playwright driving Debian's Chromium (`playwright install` cannot download here).

Outside CI the browser tests skip when /usr/bin/chromium is missing; in CI
(CI=true) a missing browser is an error, never a skip.
"""

import importlib
import os

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.db.migrations.loader import MigrationLoader

from scripts.chromium import CHROMIUM, CHROMIUM_ARGS

STAFF_GROUPS_MIGRATION = ("integrationsrat", "0001_staff_groups")


@pytest.fixture(scope="session")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI") == "true":
            pytest.fail(f"{CHROMIUM} is missing: CI must install Debian's chromium (see .ci/run).")
        pytest.skip(f"{CHROMIUM} not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 360, "height": 800}, locale="de-DE", accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


@pytest.fixture
def staff_groups(live_server):
    """The roles "Redaktion" and "Beratung", exactly as the data migration creates them.

    Each transactional test flushes the database when it ends, and with it the
    rows of data migrations. `serialized_rollback` cannot bring them back here:
    Playwright marks an event loop as running in the test thread, so Django
    hands the test a different connection than the one that holds the
    serialized data. Re-running the migration's own function keeps the roles
    identical to production.
    """
    if Group.objects.filter(name__in=["Redaktion", "Beratung"]).count() < 2:
        migration = importlib.import_module("integrationsrat.migrations.0001_staff_groups")
        state_apps = MigrationLoader(connection).project_state(STAFF_GROUPS_MIGRATION).apps
        migration.create_groups(state_apps, None)
