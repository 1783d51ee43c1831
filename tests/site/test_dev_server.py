"""What `make run` serves (cms.settings.dev, DEBUG on), where it differs from the tests'
settings: the URLs added for DEBUG."""

import json
import os
import subprocess
import sys

from django.conf import settings

FETCH = """
import json, sys
import django
django.setup()
from django.test import Client
found = {}
client = Client()
for path in sys.argv[1:]:
    response = client.get(path)
    found[path] = [response.status_code, response.get("Location", "")]
print(json.dumps(found))
"""


def served_by_make_run(tmp_path, *paths):
    """``{path: [status, Location]}`` as runserver would answer them (an empty database:
    these paths need none)."""
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_", "DATABASE_"))
    }
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", FETCH, *paths],
        cwd=settings.BASE_DIR,
        env={
            **clean,
            "DJANGO_SETTINGS_MODULE": "cms.settings.dev",
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
            "CACHE_DIR": str(tmp_path / "cache"),
        },
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.splitlines()[-1])


def test_favicon_and_static_files_under_debug(tmp_path):
    found = served_by_make_run(tmp_path, "/favicon.ico", "/static/img/favicon.svg")
    assert found["/favicon.ico"] == [301, "/static/img/favicon.svg"]
    assert found["/static/img/favicon.svg"][0] == 200
