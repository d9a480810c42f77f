#!/usr/bin/env bash
# Install everything, then run the whole quality gate: ruff, mypy, pytest (all tests).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
. .venv/bin/activate
ruff check src tests bench
mypy
pytest -q "$@"
