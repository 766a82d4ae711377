import os

import pytest
from django.db import connection


@pytest.fixture
def postgresql_only():
    """Concurrent writers need PostgreSQL; SQLite answers "database is locked" by design."""
    if connection.vendor == "postgresql":
        return
    reason = f"concurrent writers need PostgreSQL (set DATABASE_URL); the test database is {connection.vendor}"
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason}. CI must run this test, never skip it.")
    pytest.skip(reason)
