"""System checks for operational hazards a person running carefor should hear about."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.core import checks
from django.db import connection

from carefor.config import storage


@checks.register(checks.Tags.database, deploy=False)
def sqlite_in_wal_mode(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    if connection.vendor != "sqlite" or not kwargs.get("databases"):
        return []
    with connection.cursor() as cursor:
        mode = cursor.execute("PRAGMA journal_mode").fetchone()[0]
    if mode.lower() in ("wal", "memory"):
        return []
    return [
        checks.Warning(
            f"SQLite is in {mode} journal mode, not WAL; the web app may block during imports.",
            id="carefor.W001",
        )
    ]


@checks.register()
def secret_key_file_private(app_configs: Any = None, **kwargs: Any) -> list[checks.CheckMessage]:
    key_file = settings.DATA_DIR / storage.SECRET_KEY_FILE
    if not key_file.exists() or storage.secret_key_is_private(settings.DATA_DIR):
        return []
    return [
        checks.Warning(
            f"{key_file} can be read by other users of this machine.",
            hint=f"Run: chmod 600 {key_file}",
            id="carefor.W002",
        )
    ]
