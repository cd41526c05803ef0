#!/usr/bin/env python
"""Django's command-line utility, for developers. Users run `carefor`."""

import sys

from carefor.config.bootstrap import django_setup
from carefor.config.env import ConfigError

if __name__ == "__main__":
    try:
        django_setup()
    except ConfigError as exc:
        sys.exit(f"carefor: {exc}")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
