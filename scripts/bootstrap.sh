# Sourced by scripts/run and scripts/test: makes .venv from uv.lock with nothing but Python 3.11+.
# uv itself lives in its own small venv (.tools) so `uv sync` never uninstalls it.
set -eu
cd "$(dirname "$0")/.."
PYTHON_BIN=$(command -v "${PYTHON:-python3}" || true)
if [ -z "$PYTHON_BIN" ] || ! "$PYTHON_BIN" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
    echo "carefor needs Python 3.11 or newer (set PYTHON=/path/to/python3.11 if it has another name)." >&2
    exit 1
fi
# The interpreter's real path: given a shim (pyenv, asdf), uv would see a "different"
# Python on every run and rebuild .venv from scratch each time.
PYTHON_BIN=$("$PYTHON_BIN" -c 'import sys; print(sys.executable)')
if [ ! -x .tools/bin/uv ]; then
    echo "Installing uv (once) into .tools/ ..." >&2
    "$PYTHON_BIN" -m venv .tools
    .tools/bin/python -m pip install --quiet --disable-pip-version-check "uv==0.13.9"
fi
UV_PYTHON_DOWNLOADS=never .tools/bin/uv sync --frozen --quiet --python "$PYTHON_BIN"
# Bytecode, compiled once per lock file: where PYTHONDONTWRITEBYTECODE is set, Python never
# caches it, and every `carefor` command would recompile Django (0.8 s of a 1.2 s command).
if [ ! -f .venv/.bytecode ] || [ uv.lock -nt .venv/.bytecode ]; then
    .venv/bin/python -m compileall -q -j 0 .venv/lib/python3*/site-packages >/dev/null 2>&1 || true
    touch .venv/.bytecode
fi
.venv/bin/python -m compileall -q src >/dev/null 2>&1 || true
