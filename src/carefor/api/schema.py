"""Write the API's OpenAPI schema to docs/openapi.json (a test checks it is current).

.venv/bin/python -m carefor.api.schema
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[3] / "docs" / "openapi.json"


def main() -> None:
    from carefor.config.bootstrap import django_setup

    django_setup()
    from carefor.api.v1 import api

    OUT.write_text(json.dumps(api.get_openapi_schema(), indent=2, sort_keys=True) + "\n")
    print(f"Wrote {OUT}")


if __name__ == "__main__":
    main()
