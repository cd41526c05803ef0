"""Settings for the test suite: the real settings, in a throwaway data directory.

DATABASE_URL (if set) still chooses the database, so the same suite runs on SQLite
and on PostgreSQL.
"""

import os
import tempfile

os.environ["CAREFOR_DATA_DIR"] = tempfile.mkdtemp(prefix="carefor-tests-")

from carefor.config.settings import *  # noqa: F403
from carefor.config.settings import PASSWORD_HASHERS as REAL_PASSWORD_HASHERS

# Argon2 is deliberately slow; tests create many accounts. test_settings checks the real list.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher", *REAL_PASSWORD_HASHERS]
