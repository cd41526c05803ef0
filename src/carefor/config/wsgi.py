"""WSGI entry point for gunicorn/waitress: carefor.config.wsgi:application."""

from carefor.config.bootstrap import django_setup

django_setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402  (needs settings first)

application = get_wsgi_application()
