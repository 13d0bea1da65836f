#!/usr/bin/env bash
# Second command of the README: installs what the tests need and runs the whole
# suite (PostgreSQL when DATABASE_URL names one, SQLite otherwise), browser tests included.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh requirements-dev.txt
if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  if [ "$(id -u)" = 0 ]; then
    echo "Installation de Chromium (paquet Debian) pour les tests dans le navigateur…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
  else
    echo "Chromium manque : installez-le (sudo apt-get install chromium), sinon les tests navigateur échoueront." >&2
  fi
fi
# Two workers (pytest-xdist), each with its own test database; the browser tests stay together in
# one of them (conftest.py). TEST_WORKERS=0 runs everything in this process, one test at a time.
exec .venv/bin/python -m pytest -n "${TEST_WORKERS:-2}" "$@"
