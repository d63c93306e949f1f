#!/usr/bin/env bash
# Set up govstats in .venv (pip only) and build the sample month.
#   bash scripts/setup.sh                 install, then build reports/qijiang/2020-07/ and the demo
#                                         district's months (notebooks/trends.ipynb's default)
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
# The notebooks' kernel (kernelspec "govstats"), in .venv so that JupyterLab and papermill find
# it and it runs .venv's Python; registered again when .venv moved or was made anew.
spec=.venv/share/jupyter/kernels/govstats/kernel.json
if ! grep -qF "\"$PWD/.venv/bin/python\"" "$spec" 2>/dev/null; then
  echo "registering the govstats kernel in .venv"
  .venv/bin/python -m ipykernel install --sys-prefix --name govstats --display-name "Python (govstats)" >/dev/null
fi

if [ "${1:-}" != "--install-only" ]; then
  .venv/bin/govstats run --district qijiang   # the sample month and the sample 1—9月 bulletin
  # notebooks/trends.ipynb opens on the demo district, whose twelve months it reads once built
  .venv/bin/govstats run --district demo-qijiang --no-pdf
  echo "open reports/index.html, reports/qijiang/2020-07/report.html (or report.pdf)"
fi
