"""Django settings for carefor, read from the environment and failing closed.

Two modes:
- ``local`` (default): one person, served on loopback over plain HTTP.
- ``production``: a team deployment behind an HTTPS reverse proxy; secure cookies,
  HSTS and SSL redirect are on, and ``manage.py check --deploy`` passes.
Every variable is documented in docs/configuration.md.
"""

from __future__ import annotations

from pathlib import Path

from carefor.config import storage
from carefor.config.env import (
    ConfigError,
    env_bool,
    env_choice,
    env_int,
    env_list,
    env_path,
    env_str,
)

BASE_DIR = Path(__file__).resolve().parent.parent

CAREFOR_MODE = env_choice("CAREFOR_MODE", "local", ("local", "production"))
PRODUCTION = CAREFOR_MODE == "production"

DATA_DIR = storage.ensure_data_dir(env_path("CAREFOR_DATA_DIR", storage.default_data_dir()))
SECRET_KEY = env_str("CAREFOR_SECRET_KEY", None) or storage.load_or_create_secret_key(DATA_DIR)
DEBUG = env_bool("CAREFOR_DEBUG", False)

ALLOWED_HOSTS = env_list(
    "CAREFOR_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "[::1]"]
)
if PRODUCTION and not ALLOWED_HOSTS:
    raise ConfigError(
        "CAREFOR_ALLOWED_HOSTS is empty; in production mode name the host(s) carefor is served "
        "as, for example CAREFOR_ALLOWED_HOSTS=care.example.org."
    )
CSRF_TRUSTED_ORIGINS = env_list("CAREFOR_CSRF_TRUSTED_ORIGINS", [])
# E.164 normalisation of phone numbers written without a country code.
PHONE_DEFAULT_REGION = (env_str("CAREFOR_PHONE_REGION", None) or "").upper() or None

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "carefor.teams",
    "carefor.people",
    "carefor.conversations",
    "carefor.importers",
    "carefor.care",
    "carefor.outreach",
    "carefor.memo",
    "carefor.web",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.auth.middleware.LoginRequiredMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "carefor.web.middleware.ActiveWorkspaceMiddleware",
    "carefor.memo.middleware.RememberedAnswersMiddleware",
]

ROOT_URLCONF = "carefor.config.urls"
WSGI_APPLICATION = "carefor.config.wsgi.application"

# Each member's queues, remembered per process until the notebook changes (memo/).
CAREFOR_ANSWER_CACHE_SECONDS = env_int("CAREFOR_ANSWER_CACHE_SECONDS", 300, minimum=0, maximum=3600)
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"},
    "answers": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "carefor-answers",
        "TIMEOUT": max(CAREFOR_ANSWER_CACHE_SECONDS, 1),
        # Room for every member's queues in a team of a hundred and more, at most
        # 1,000 x 128 KB per process (most answers are a few KB).
        "OPTIONS": {"MAX_ENTRIES": 1000},
    },
}

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "carefor.web.context.workspace",
            ],
        },
    }
]

DATABASES = {
    "default": storage.database_config(
        env_str("DATABASE_URL", None),
        DATA_DIR,
        prepared=env_bool("CAREFOR_PG_PREPARED_STATEMENTS", True),
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "teams.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "today"

LOGOUT_REDIRECT_URL = "login"
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en"
TIME_ZONE = env_str("CAREFOR_TIME_ZONE", "UTC")
USE_I18N = False
USE_TZ = True

STATIC_URL = "static/"
# Served straight from the package's static folders, so a local install never needs
# collectstatic; a production deployment collects them into the data dir.
STATIC_ROOT = DATA_DIR / "static" if PRODUCTION else None
WHITENOISE_USE_FINDERS = True

SESSION_COOKIE_AGE = env_int("CAREFOR_SESSION_DAYS", 14, minimum=1, maximum=365) * 86400
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_HTTPONLY = True
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"

if PRODUCTION:
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_SSL_REDIRECT = env_bool("CAREFOR_SSL_REDIRECT", True)
    SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_HSTS_SECONDS = env_int("CAREFOR_HSTS_SECONDS", 31_536_000, minimum=0)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env_bool("CAREFOR_HSTS_PRELOAD", True)

# Outgoing mail (the optional daily digest) only when a server is configured: nothing
# leaves the machine otherwise.
EMAIL_HOST = env_str("CAREFOR_SMTP_HOST", None) or ""
EMAIL_PORT = env_int("CAREFOR_SMTP_PORT", 587, minimum=1, maximum=65535)
EMAIL_HOST_USER = env_str("CAREFOR_SMTP_USER", None) or ""
EMAIL_HOST_PASSWORD = env_str("CAREFOR_SMTP_PASSWORD", None) or ""
EMAIL_USE_TLS = env_bool("CAREFOR_SMTP_STARTTLS", True)
EMAIL_TIMEOUT = 20
DEFAULT_FROM_EMAIL = env_str("CAREFOR_SMTP_FROM", None) or "carefor@localhost"
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.dummy.EmailBackend"
)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {
        "handlers": ["console"],
        "level": env_choice(
            "CAREFOR_LOG_LEVEL", "warning", ("debug", "info", "warning", "error")
        ).upper(),
    },
}
