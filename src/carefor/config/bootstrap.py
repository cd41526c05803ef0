"""Starting Django for the CLI, manage.py and WSGI with readable errors instead of tracebacks."""

from __future__ import annotations

import os

from carefor.config.env import ConfigError

DEFAULT_SETTINGS = "carefor.config.settings"


def django_setup() -> None:
    """Configure Django; a bad setting raises ConfigError with an actionable message."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", DEFAULT_SETTINGS)
    import django

    django.setup()


def database_check() -> None:
    """Connect once, so an unreachable database is reported before anything else runs."""
    from django.conf import settings
    from django.db import OperationalError, connection

    from carefor.config.storage import describe_database

    try:
        connection.ensure_connection()
    except OperationalError as exc:
        reason = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        where = describe_database(settings.DATABASES["default"])
        if connection.vendor == "sqlite":
            hint = "Check that the file's folder exists and is writable (CAREFOR_DATA_DIR)."
        else:
            hint = (
                "Check that the server is running and accepts connections on that host and "
                "port, and that DATABASE_URL has the right user, password and database name."
            )
        raise ConfigError(f"Cannot open the {where}: {reason}. {hint}") from None
