#!/usr/bin/env bash
# Run the whole test suite (installs what it needs first).
set -euo pipefail
cd "$(dirname "$0")/.."
bash tools/setup.sh
.venv/bin/python -m pytest -q "$@"
