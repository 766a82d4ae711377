"""Logging filters (imported while the settings are loaded, so nothing here touches models)."""

import logging

from django.db import InterfaceError, OperationalError

# What a database that is down or restarting raises (a bug raises other errors).
DATABASE_OUTAGE = (OperationalError, InterfaceError)


def is_database_outage(error: BaseException | None) -> bool:
    return isinstance(error, DATABASE_OUTAGE)


class NotADatabaseOutage(logging.Filter):
    """Drops Django's traceback of a request that failed because the database is unreachable.

    The 503 view (`integrationsrat.views.server_error`) logs those in one line
    with the cause; a restart of PostgreSQL should not fill the log with
    identical tracebacks.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not (record.name == "django.request" and record.exc_info and is_database_outage(record.exc_info[1]))
