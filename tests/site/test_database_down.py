"""The database goes away under a running server and comes back.

Runs in the PostgreSQL pass of ``make test``: the test copies its database into a PostgreSQL
server of its own (stopping the shared one would break the other test process), serves the
site from it in a separate process, stops that PostgreSQL and starts it again.
"""

import contextlib
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

PG_BIN = Path(os.environ.get("PG_BIN", "/usr/lib/postgresql/15/bin"))

pytestmark = [
    pytest.mark.skipif(
        connection.vendor != "postgresql", reason="needs PostgreSQL (make test-postgres)"
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def as_postgres(*command, **kwargs):
    """PostgreSQL refuses to run as root."""
    prefix = ["runuser", "-u", "postgres", "--"] if os.geteuid() == 0 else []
    return subprocess.run([*prefix, *map(str, command)], check=True, **kwargs)


class OwnPostgres:
    def __init__(self):
        self.dir = Path(tempfile.mkdtemp(prefix="intranet-pg-down-"))
        if os.geteuid() == 0:
            shutil.chown(self.dir, "postgres")
        self.data = self.dir / "data"
        self.port = free_port()
        as_postgres(PG_BIN / "initdb", "-D", self.data, "-A", "trust", "-U", "postgres",
                    "--no-sync", capture_output=True)  # fmt: skip
        self.start()

    def pg_ctl(self, *args):
        as_postgres(PG_BIN / "pg_ctl", "-D", self.data, "-l", self.dir / "log", *args,
                    capture_output=True)  # fmt: skip

    def start(self):
        options = f"-p {self.port} -k {self.dir} -c listen_addresses=127.0.0.1 -c fsync=off"
        self.pg_ctl("-w", "start", "-o", options)

    def stop(self, mode="fast"):
        self.pg_ctl("-w", "-m", mode, "stop")

    def remove(self):
        with contextlib.suppress(subprocess.CalledProcessError):  # already stopped
            self.stop("immediate")
        shutil.rmtree(self.dir, ignore_errors=True)


@pytest.fixture
def own_postgres():
    server = OwnPostgres()
    yield server
    server.remove()


def copy_test_database(target_port):
    source = connection.settings_dict
    dump = subprocess.run(
        [PG_BIN / "pg_dump", "-h", source["HOST"], "-p", str(source["PORT"]), "-U",
         source["USER"] or "postgres", "--no-owner", source["NAME"]],
        check=True, capture_output=True,
    )  # fmt: skip
    target = ["-h", "127.0.0.1", "-p", str(target_port), "-U", "postgres"]
    subprocess.run([PG_BIN / "createdb", *target, "copy"], check=True)
    subprocess.run([PG_BIN / "psql", *target, "-q", "-v", "ON_ERROR_STOP=1", "-d", "copy"],
                   input=dump.stdout, check=True, capture_output=True)  # fmt: skip
    return f"postgres://postgres@127.0.0.1:{target_port}/copy"


@pytest.fixture
def server(own_postgres):
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": copy_test_database(own_postgres.port),
        "DJANGO_SETTINGS_MODULE": "cms.settings.test",
    }
    env.pop("REDIS_URL", None)
    process = subprocess.Popen(
        [sys.executable, "manage.py", "runserver", "--noreload", f"127.0.0.1:{port}"],
        cwd=settings.BASE_DIR, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    base = f"http://127.0.0.1:{port}"
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            break
        except OSError:
            time.sleep(0.1)
    yield base
    process.terminate()
    process.wait(10)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=20) as response:  # noqa: S310 (loopback)
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def test_visitors_get_cached_pages_or_a_plain_503_while_the_database_is_down(
    cluster_index, own_postgres, server
):
    page_url = server + cluster_index.url
    status, _, html = fetch(page_url)
    assert status == 200
    assert cluster_index.title in html

    own_postgres.stop()
    status, _, html = fetch(page_url)  # from the page cache, which needs no database
    assert status == 200
    assert cluster_index.title in html
    status, headers, html = fetch(page_url + "?country=DK")  # not cached yet
    assert status == 503
    assert headers["Retry-After"] == "30"
    assert "briefly unavailable" in html
    for leak in ("Traceback", "OperationalError", "psycopg", settings.SECRET_KEY, "copy"):
        assert leak not in html
    status, headers, body = fetch(server + "/api/v2/pages/")
    assert status == 503
    assert headers["Content-Type"] == "application/json"
    assert "unavailable" in body

    own_postgres.start()
    status, _, html = fetch(page_url + "?country=DE")  # the first one after the restart
    assert status == 200
    assert cluster_index.title in html
