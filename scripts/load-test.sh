#!/usr/bin/env bash
# Load test on the production stack, loopback only (issue 14).
#
#   DATABASE_URL=postgres://postgres@127.0.0.1:5432/pdn66_bench bash scripts/load-test.sh
#
# The database must already hold the demo and the national-size data (load_demo --force, then
# fill_scale_data): this script never writes them. It starts gunicorn (a worker per core,
# production settings, Redis on 127.0.0.1), runs locust headless for DURATION with USERS users
# (anonymous visitors, promeneurs who browse and reply, the coordinator), prints requests/s,
# latency percentiles and errors, then the throughput of /, /espace/ and a static file through
# the same stack (one URL at a time, THROUGHPUT_SECONDS each), and stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."

: "${DATABASE_URL:?DATABASE_URL doit désigner la base PostgreSQL remplie (load_demo puis fill_scale_data)}"
case "$DATABASE_URL" in
  postgres://*@127.0.0.1:*|postgres://*@localhost:*) ;;
  *) echo "DATABASE_URL doit désigner une base sur 127.0.0.1 : ce test ne sort pas de la machine." >&2; exit 2 ;;
esac
command -v wrk >/dev/null || { echo "wrk manque (paquet Debian : apt-get install wrk)." >&2; exit 2; }
command -v redis-cli >/dev/null || { echo "redis-cli manque (paquet Debian : apt-get install redis-tools)." >&2; exit 2; }
DURATION=${DURATION:-60s}
USERS=${USERS:-30}
SPAWN_RATE=${SPAWN_RATE:-5}
THROUGHPUT_SECONDS=${THROUGHPUT_SECONDS:-15}
PORT=${PORT:-8077}
WORKERS=${WORKERS:-$(nproc)}
# Two Redis databases of the test's own, emptied first: a cache left by another database (view
# restrictions, menus, pages) would answer for this one.
if [ -z "${REDIS_URL:-}" ]; then
  REDIS_URL=redis://127.0.0.1:6379/5 PAGE_CACHE_REDIS_URL=redis://127.0.0.1:6379/6
  redis-cli -n 5 flushdb >/dev/null && redis-cli -n 6 flushdb >/dev/null
fi
HOST="http://127.0.0.1:$PORT"
PYTHON=.venv/bin/python
WORKDIR=$(mktemp -d)

export DATABASE_URL REDIS_URL PAGE_CACHE_REDIS_URL DJANGO_SETTINGS_MODULE=workspace.settings.production
export SECRET_KEY=${SECRET_KEY:-load-test-only-$(date +%s)} ALLOWED_HOSTS=127.0.0.1 SITE_URL="$HOST"
export STATIC_ROOT="$WORKDIR/static" LOG_LEVEL=ERROR EMAIL_BACKEND=django.core.mail.backends.locmem.EmailBackend

gunicorn_pid=""
cleanup() {
  if [ -n "$gunicorn_pid" ]; then kill "$gunicorn_pid" 2>/dev/null || true; wait "$gunicorn_pid" 2>/dev/null || true; fi
  rm -rf "$WORKDIR"
}
trap cleanup EXIT

if ! "$PYTHON" - <<'EOF'
import django; django.setup()
from home.scale import real_promeneurs
raise SystemExit(1 if real_promeneurs() else 0)
EOF
then
  echo "Cette base contient des promeneurs qui ne viennent ni de la démonstration ni de fill_scale_data : refusé." >&2
  exit 2
fi

"$PYTHON" manage.py collectstatic --noinput -v 0
.venv/bin/gunicorn workspace.wsgi --bind "127.0.0.1:$PORT" --workers "$WORKERS" --log-level warning \
  >"$WORKDIR/gunicorn.log" 2>&1 &
gunicorn_pid=$!
for _ in $(seq 60); do
  curl -fsS -o /dev/null -H 'X-Forwarded-Proto: https' "$HOST/sante/" 2>/dev/null && break
  sleep 1
done

echo "== Charge mixte : $USERS utilisateurs, $DURATION, $WORKERS workers gunicorn, $(nproc) cœurs =="
.venv/bin/locust -f scripts/locustfile.py --headless --host "$HOST" -u "$USERS" -r "$SPAWN_RATE" \
  --run-time "$DURATION" --only-summary --csv "$WORKDIR/mix" >/dev/null 2>"$WORKDIR/locust.log" || true
"$PYTHON" scripts/load_report.py "$WORKDIR/mix_stats.csv" "$WORKDIR/mix_failures.csv"

echo
echo "== Débit d'une seule adresse ($THROUGHPUT_SECONDS s chacune, 8 connexions) =="
static=$(ls "$STATIC_ROOT"/css/*.css | head -1); static="/static/${static#"$STATIC_ROOT"/}"
"$PYTHON" scripts/load_report.py --throughput "$HOST" "$THROUGHPUT_SECONDS" / /espace/ "$static"
