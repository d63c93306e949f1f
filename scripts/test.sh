#!/usr/bin/env bash
# Run the govstats test suite (installs .venv first when it is missing or out of date).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --install-only
exec .venv/bin/python -m pytest "$@"
