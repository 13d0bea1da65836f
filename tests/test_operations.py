"""Surviving faults: the database lost and back, Redis lost, the health check, backup and restore."""

import json
import os
import subprocess
import sys
import uuid
from datetime import timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command
from django.db import OperationalError, connection
from django.test import Client, override_settings
from django.utils import timezone

from workspace.outbox.models import OutgoingEmail

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parent.parent
UNREACHABLE = {
    "BACKEND": "django_redis.cache.RedisCache",
    "LOCATION": "redis://127.0.0.1:1/0",
    "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
}
UNREACHABLE_REDIS = {"default": UNREACHABLE, "pages": {**UNREACHABLE, "LOCATION": "redis://127.0.0.1:1/1"}}


def database_lost(execute, sql, params, many, context):
    raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused')


@pytest.fixture
def visitor():
    return Client(raise_request_exception=False)


def test_a_lost_database_gives_a_french_503_and_the_site_comes_back_with_it(visitor):
    with connection.execute_wrapper(database_lost):
        response = visitor.get("/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert "Service momentanément indisponible" in response.content.decode()
    assert "Traceback" not in response.content.decode()

    assert visitor.get("/").status_code == 200
    # What brings the site back after a real restart of PostgreSQL, without restarting the site.
    assert settings.DATABASES["default"]["CONN_HEALTH_CHECKS"] is True


def test_the_health_check_says_what_answers(visitor):
    response = visitor.get("/sante/")
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "cache": "ok", "queue": "ok"}
    assert "no-cache" in response["Cache-Control"]

    with connection.execute_wrapper(database_lost):
        response = visitor.get("/sante/")
    assert response.status_code == 503
    assert json.loads(response.content)["database"] == "erreur"


def test_a_late_queue_is_reported_without_taking_the_server_out(visitor):
    email = OutgoingEmail.objects.create(subject="Rappel", body="…", from_email="a@example.org", to=["b@example.org"])
    OutgoingEmail.objects.filter(pk=email.pk).update(created_at=timezone.now() - timedelta(hours=2))
    response = visitor.get("/sante/")
    assert response.status_code == 200
    assert json.loads(response.content)["queue"] == "en retard"


@override_settings(CACHES=UNREACHABLE_REDIS)
def test_without_redis_the_site_works_uncached(visitor):
    assert visitor.get("/").status_code == 200
    assert visitor.get("/annuaire/").status_code == 200
    response = visitor.get("/sante/")
    assert response.status_code == 200
    assert json.loads(response.content)["cache"] == "indisponible"


def test_restore_refuses_a_database_that_holds_a_site(tmp_path):
    with pytest.raises(CommandError, match="contient déjà un site"):
        call_command("restore", str(tmp_path))


def test_a_backup_stopped_half_way_leaves_no_folder_that_looks_restorable(tmp_path, monkeypatch):
    from workspace.operations import backups

    def disk_full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(backups.tarfile, "open", disk_full)
    with pytest.raises(CommandError, match="Sauvegarde interrompue.*No space left"):
        call_command("backup", str(tmp_path))
    assert list(tmp_path.iterdir()) == []


def run_manage(database_url, *args, code=None):
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "workspace.settings.test"}
    command = [sys.executable, "manage.py", *args] if code is None else [sys.executable, "-c", code]
    return subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


SERVE_HOME = """
import django
django.setup()
from django.test import Client
response = Client().get("/")
print(response.status_code, response.content.decode().count("Promeneurs du Net"))
"""


def test_a_backup_restores_into_a_fresh_database_that_serves_the_site(tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("pg_dump and pg_restore need PostgreSQL")
    media_file = Path(settings.MEDIA_ROOT) / "documents" / f"sauvegarde-{uuid.uuid4().hex}.txt"
    media_file.parent.mkdir(parents=True, exist_ok=True)
    media_file.write_text("Compte rendu du comité")

    # The test database holds what the migrations committed: groups and the whole page tree.
    call_command("backup", str(tmp_path))
    (folder,) = tmp_path.iterdir()
    assert {path.name for path in folder.iterdir()} == {"database.dump", "media.tar.gz"}
    media_file.unlink()

    db = connection.settings_dict
    fresh = f"pdn66_restore_{uuid.uuid4().hex[:8]}"
    server = ["-h", db["HOST"] or "127.0.0.1", "-p", str(db["PORT"] or 5432), "-U", db["USER"] or "postgres"]
    subprocess.run(["createdb", *server, fresh], check=True)
    try:
        url = f"postgres://{db['USER'] or 'postgres'}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{fresh}"
        restored = run_manage(url, "restore", str(folder))
        assert restored.returncode == 0, restored.stderr
        assert media_file.read_text() == "Compte rendu du comité"

        served = run_manage(url, code=SERVE_HOME)
        assert served.returncode == 0, served.stderr
        status, mentions = served.stdout.split()
        assert status == "200" and int(mentions) > 0

        again = run_manage(url, "restore", str(folder))
        assert again.returncode != 0 and "contient déjà un site" in again.stderr
    finally:
        subprocess.run(["dropdb", *server, "--if-exists", fresh], check=True)
        media_file.unlink(missing_ok=True)
