"""WSGI entry point for gunicorn/waitress: carefor.config.wsgi:application."""

import sys

from carefor.config.bootstrap import django_setup
from carefor.config.env import ConfigError

try:
    django_setup()
except ConfigError as exc:  # a readable line in the server log instead of a traceback
    sys.exit(f"carefor: {exc}")

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()
