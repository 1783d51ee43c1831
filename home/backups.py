"""Backup and restore of the whole site: the database and the uploaded media in one
timestamped archive (``backups/intranet-YYYYmmdd-HHMMSS.tar.gz``).

The database is copied with its own tools, so the copy is consistent while the site runs:
SQLite's online backup API, or ``pg_dump``/``pg_restore`` for PostgreSQL (Debian's
postgresql-client). Media on the local disk are included; media on object storage (S3) are
not: keep that bucket versioned instead.
"""

import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

import django
import wagtail
from django.core.cache import cache
from django.core.files.storage import FileSystemStorage, default_storage
from django.db import connection
from django.utils import timezone

FORMAT_VERSION = 1
SQLITE_FILE = "database.sqlite3"
POSTGRES_FILE = "database.pgdump"


class BackupError(Exception):
    pass


def backup(directory):
    """Write an archive of the database and media into ``directory``; returns its path."""
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    stamp = timezone.now().strftime("%Y%m%d-%H%M%S")
    archive = directory / f"intranet-{stamp}.tar.gz"
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        database_file = _dump_database(work)
        manifest = {
            "format": FORMAT_VERSION,
            "created_at": timezone.now().isoformat(),
            "database": {"vendor": connection.vendor, "file": database_file},
            "media": _local_media_root() is not None,
            "versions": {"django": django.__version__, "wagtail": wagtail.__version__},
        }
        (work / "manifest.json").write_text(json.dumps(manifest, indent=2))
        with tarfile.open(archive, "w:gz") as tar:
            tar.add(work / "manifest.json", arcname="manifest.json")
            tar.add(work / database_file, arcname=database_file)
            media = _local_media_root()
            if media is not None and media.exists():
                tar.add(media, arcname="media")
    return archive


def restore(archive):
    """Replace the database and media with those in ``archive``."""
    archive = Path(archive)
    if not archive.is_file():
        raise BackupError(f"No such backup: {archive}")
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive) as tar:
        work = Path(work)
        tar.extractall(work, filter="data")  # refuses absolute paths and links out of work
        try:
            manifest = json.loads((work / "manifest.json").read_text())
        except (OSError, ValueError) as error:
            raise BackupError(f"{archive} is not a backup of this site") from error
        vendor = manifest["database"]["vendor"]
        if vendor != connection.vendor:
            raise BackupError(
                f"This backup holds a {vendor} database; this site uses {connection.vendor}."
            )
        _load_database(work / manifest["database"]["file"])
        media = _local_media_root()
        if manifest["media"] and media is not None:
            if media.exists():
                shutil.rmtree(media)
            if (work / "media").exists():
                shutil.copytree(work / "media", media)
    cache.clear()  # cached pages and lookups belong to the replaced data
    return manifest


def _local_media_root():
    if isinstance(default_storage, FileSystemStorage):
        return Path(default_storage.location)
    return None


def _dump_database(work):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        target = sqlite3.connect(work / SQLITE_FILE)
        with target:
            connection.connection.backup(target)
        target.close()
        return SQLITE_FILE
    if connection.vendor == "postgresql":
        _run_postgres_tool("pg_dump", "--format=custom", "--no-owner", "-f", work / POSTGRES_FILE)
        return POSTGRES_FILE
    raise BackupError(f"Backups of {connection.vendor} databases are not supported.")


def _load_database(path):
    if connection.vendor == "sqlite":
        connection.ensure_connection()
        source = sqlite3.connect(path)
        source.backup(connection.connection)
        source.close()
    else:
        connection.close()  # pg_restore drops and recreates what this connection might lock
        _run_postgres_tool(
            "pg_restore", "--clean", "--if-exists", "--no-owner", "--single-transaction", path
        )
    connection.close()


def _run_postgres_tool(tool, *args):
    db = connection.settings_dict
    executable = shutil.which(tool)
    if executable is None:
        raise BackupError(f"{tool} is missing: install Debian's postgresql-client.")
    command = [executable, "--dbname", db["NAME"], *map(str, args)]
    for option, key in (("--host", "HOST"), ("--port", "PORT"), ("--username", "USER")):
        if db.get(key):
            command[1:1] = [option, str(db[key])]
    env = {**os.environ, "PGPASSWORD": db.get("PASSWORD") or ""}
    result = subprocess.run(command, env=env, capture_output=True, text=True)  # noqa: S603
    if result.returncode != 0:
        raise BackupError(f"{tool} failed: {result.stderr.strip()}")
