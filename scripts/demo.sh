#!/usr/bin/env bash
# Install everything, then run the main job on the bundled example articles.
# Leaves ./eventfuse.duckdb behind; explore it with `.venv/bin/eventfuse events` and `show`.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
.venv/bin/eventfuse run examples/articles
