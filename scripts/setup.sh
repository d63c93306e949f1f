#!/usr/bin/env bash
# Set up govstats in .venv (pip only) and build the sample month.
#   bash scripts/setup.sh                 install, then build reports/qijiang/2020-07/
#   bash scripts/setup.sh --install-only  install (or refresh) the environment only
set -euo pipefail
cd "$(dirname "$0")/.."

PYTHON=${PYTHON:-python3}
stamp=.venv/.govstats-install
want=$(cat pyproject.toml | sha256sum | cut -d' ' -f1)

if [ ! -x .venv/bin/python ]; then
  echo "creating .venv with $($PYTHON --version)"
  "$PYTHON" -m venv .venv
fi
if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
  echo "installing govstats and its dependencies into .venv (pip)"
  .venv/bin/python -m pip install --quiet --upgrade pip
  .venv/bin/python -m pip install --quiet -e '.[dev]'
  echo "$want" > "$stamp"
fi

if [ "${1:-}" != "--install-only" ]; then
  .venv/bin/govstats run --district qijiang --month 2020-07
  echo "open reports/qijiang/2020-07/report.html (or report.pdf)"
fi
