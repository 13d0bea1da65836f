"""Backups: the database (pg_dump's custom format, or SQLite's own backup) and the uploaded files
(public and private media), in one folder per backup; and their restore into an empty site."""

import os
import shutil
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.db import connection

DATABASE_FILE = {"postgresql": "database.dump", "sqlite": "database.sqlite3"}
MEDIA_FILE = "media.tar.gz"


class BackupError(Exception):
    pass


def media_roots():
    """The folders of uploaded files, by the name they take in the archive."""
    return {"media": Path(settings.MEDIA_ROOT), "private-media": Path(settings.PRIVATE_MEDIA_ROOT)}


def _postgres_environment():
    db = connection.settings_dict
    env = {**os.environ, "PGDATABASE": db["NAME"]}
    for key, variable in (("HOST", "PGHOST"), ("PORT", "PGPORT"), ("USER", "PGUSER"), ("PASSWORD", "PGPASSWORD")):
        if db.get(key):
            env[variable] = str(db[key])
    return env


def _run(command):
    result = subprocess.run(command, env=_postgres_environment(), capture_output=True, text=True)
    if result.returncode != 0:
        raise BackupError(f"{command[0]} a échoué : {result.stderr.strip()}")


def backup(folder):
    """Write the database and the media into ``folder`` (created); returns the files written.

    They are written into ``<folder>.partiel`` and the folder takes its dated name only once both
    are complete: a backup stopped half-way (disk full, pg_dump failing, the machine restarted) never
    looks like one that may be restored; a failed one is removed, a second run in the same second
    refused."""
    folder = Path(folder)
    partial = folder.with_name(f"{folder.name}.partiel")
    if folder.exists():
        raise BackupError(f"La sauvegarde {folder} existe déjà.")
    try:
        partial.mkdir(parents=True)
    except FileExistsError as error:
        raise BackupError(f"Une sauvegarde est déjà en cours d'écriture dans {partial}.") from error
    try:
        files = _write_backup(partial)
        partial.rename(folder)
    except BaseException as error:
        shutil.rmtree(partial, ignore_errors=True)
        if isinstance(error, OSError):
            raise BackupError(f"Sauvegarde interrompue, rien n'est gardé : {error}") from error
        raise
    return [folder / path.name for path in files]


def _write_backup(folder):
    database = folder / DATABASE_FILE[connection.vendor]
    if connection.vendor == "postgresql":
        _run(["pg_dump", "--format=custom", "--no-owner", "--file", str(database)])
    else:
        with sqlite3.connect(database) as copy:
            connection.ensure_connection()
            connection.connection.backup(copy)
    media = folder / MEDIA_FILE
    with tarfile.open(media, "w:gz") as archive:
        for name, root in media_roots().items():
            if root.is_dir():
                archive.add(root, arcname=name)
    return [database, media]


def database_is_empty():
    """True when the database holds no site yet (no tables, or no page beyond Wagtail's root)."""
    if "wagtailcore_page" not in connection.introspection.table_names():
        return True
    with connection.cursor() as cursor:
        cursor.execute("SELECT COUNT(*) FROM wagtailcore_page")
        return cursor.fetchone()[0] <= 1


def restore(folder):
    folder = Path(folder)
    database = folder / DATABASE_FILE[connection.vendor]
    media = folder / MEDIA_FILE
    for path in (database, media):
        if not path.exists():
            raise BackupError(f"Fichier de sauvegarde introuvable : {path}")
    if connection.vendor == "postgresql":
        _run(
            [
                "pg_restore",
                "--clean",
                "--if-exists",
                "--no-owner",
                "--single-transaction",
                "--dbname",
                connection.settings_dict["NAME"],
                str(database),
            ]
        )
    else:
        connection.close()
        shutil.copyfile(database, connection.settings_dict["NAME"])
    roots = media_roots()
    with tarfile.open(media, "r:gz") as archive:
        for member in archive.getmembers():
            name, _, relative = member.name.partition("/")
            if name not in roots:
                continue
            member.name = relative or "."
            archive.extract(member, roots[name], filter="data")
