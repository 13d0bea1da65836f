#!/usr/bin/env bash
# First command of the README: installs, creates the SQLite database with its demo
# content, and serves the site on http://127.0.0.1:8000.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-venv.sh requirements.txt
export DJANGO_SETTINGS_MODULE=workspace.settings.dev
ADDRESS="${PORT:-127.0.0.1:8000}"
# PORT may be a port alone ("8080") or an address and port ("0.0.0.0:8080"), as runserver takes it.
case "$ADDRESS" in *:*) ;; *) ADDRESS="127.0.0.1:$ADDRESS" ;; esac
# The links of the e-mails (an invitation, a new password) lead to the demo where it is served.
export SITE_URL="${SITE_URL:-http://$ADDRESS}"
.venv/bin/python manage.py migrate --noinput
# The Wagtail site takes the demo's address: its sitemap names where it is served (README, set_site_host).
.venv/bin/python manage.py set_site_host
.venv/bin/python manage.py load_demo
echo
echo "Site : http://$ADDRESS/  —  administration : http://$ADDRESS/admin/"
echo "Connectez-vous avec l'un des comptes ci-dessus (par exemple coordination / Coordination66!)."
exec .venv/bin/python manage.py runserver "$ADDRESS"
