# Sourced by scripts/run and scripts/test: makes .venv from uv.lock with nothing but Python 3.11+.
# uv itself lives in its own small venv (.tools) so `uv sync` never uninstalls it.
set -eu
cd "$(dirname "$0")/.."
PYTHON_BIN=$(command -v "${PYTHON:-python3}" || true)
if [ -z "$PYTHON_BIN" ] || ! "$PYTHON_BIN" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "carefor needs Python 3.11 or newer (set PYTHON=/path/to/python3.11 if it has another name)." >&2
    exit 1
fi
if [ ! -x .tools/bin/uv ]; then
    echo "Installing uv (once) into .tools/ ..." >&2
    "$PYTHON_BIN" -m venv .tools
    .tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
fi
UV_PYTHON_DOWNLOADS=never .tools/bin/uv sync --frozen --quiet --python "$PYTHON_BIN"
