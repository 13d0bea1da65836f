"""The quick start's SQLite database (DATABASE_URL unset): WAL, a busy timeout and
IMMEDIATE transactions, so that simultaneous writers wait instead of failing with
"database is locked". Each check runs in a subprocess: the settings are read once
per process, and this test session's database is PostgreSQL."""

import json
import os
import subprocess
import sys
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent

SHOW_DATABASE = """
import json
from workspace.settings import base
print(json.dumps({key: str(value) if key == "NAME" else value for key, value in base.DATABASES["default"].items()}))
"""

# The pattern of network.registrations.register(): in one transaction, count the places
# taken, then write a registration. 30 threads at the same instant, 10 places.
SIMULTANEOUS_WRITERS = """
import json, threading
import django
django.setup()
from django.db import connection, connections, transaction

with connection.cursor() as cursor:
    cursor.execute("CREATE TABLE registration (id INTEGER PRIMARY KEY, status TEXT)")
connections.close_all()
barrier = threading.Barrier(30)
errors = []

def register():
    try:
        barrier.wait(timeout=30)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.execute("SELECT COUNT(*) FROM registration WHERE status = 'confirmed'")
            status = "confirmed" if cursor.fetchone()[0] < 10 else "waiting"
            cursor.execute("INSERT INTO registration (status) VALUES (%s)", [status])
    except Exception as error:
        errors.append(repr(error))
    finally:
        connections.close_all()

threads = [threading.Thread(target=register) for _ in range(30)]
for thread in threads:
    thread.start()
for thread in threads:
    thread.join(timeout=60)
with connection.cursor() as cursor:
    cursor.execute("SELECT status, COUNT(*) FROM registration GROUP BY status")
    counts = dict(cursor.fetchall())
    cursor.execute("PRAGMA journal_mode")
    journal_mode = cursor.fetchone()[0]
print(json.dumps({"errors": errors[:3], "counts": counts, "journal_mode": journal_mode}))
"""


def run(code, **env):
    environment = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    environment.update(env)
    result = subprocess.run(
        [sys.executable, "-c", code], cwd=BASE_DIR, env=environment, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_without_database_url_the_sqlite_database_waits_for_locks_in_wal_mode():
    database = run(SHOW_DATABASE)
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["NAME"] == str(BASE_DIR / "db.sqlite3")
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert database["OPTIONS"]["timeout"] >= 10
    assert "PRAGMA journal_mode=WAL" in database["OPTIONS"]["init_command"]


def test_postgresql_gets_none_of_the_sqlite_options():
    database = run(SHOW_DATABASE, DATABASE_URL="postgres://postgres@127.0.0.1:5432/unused")
    assert "transaction_mode" not in database.get("OPTIONS", {})


def test_thirty_simultaneous_writers_on_sqlite_all_succeed_and_never_exceed_the_places(tmp_path):
    outcome = run(
        SIMULTANEOUS_WRITERS,
        DATABASE_URL=f"sqlite:///{tmp_path / 'quick-start.sqlite3'}",
        DJANGO_SETTINGS_MODULE="workspace.settings.test",
    )
    assert outcome["errors"] == []
    assert outcome["counts"] == {"confirmed": 10, "waiting": 20}
    assert outcome["journal_mode"] == "wal"
