#!/usr/bin/env bash
# First command of the README: installs, creates the SQLite database with its demo
# content, and serves the site on http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh requirements.txt
export DJANGO_SETTINGS_MODULE=workspace.settings.dev
.venv/bin/python manage.py migrate --noinput
.venv/bin/python manage.py load_demo
echo
echo "Site : http://127.0.0.1:8000/  —  administration : http://127.0.0.1:8000/admin/"
echo "Connectez-vous avec l'un des comptes ci-dessus (par exemple coordination / Coordination66!)."
exec .venv/bin/python manage.py runserver "${PORT:-127.0.0.1:8000}"
