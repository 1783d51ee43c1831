"""Production settings come from the environment only: required variables, static files by
whitenoise, media on S3-compatible storage when a bucket is named, and `make serve`'s checks."""

import json
import os
import subprocess
import sys

import pytest
from django.conf import settings

PRINT_SETTINGS = """
import json
import pytest
from django.conf import settings
print(json.dumps({
    "storages": settings.STORAGES,
    "middleware": settings.MIDDLEWARE,
    "endpoint": getattr(settings, "AWS_S3_ENDPOINT_URL", None),
    "bucket": getattr(settings, "AWS_STORAGE_BUCKET_NAME", None),
    "hosts": settings.ALLOWED_HOSTS,
}))
"""
PRODUCTION = {"SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "www.example.org,example.org"}


def run(code_or_args, **env):
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DJANGO_"))}
    clean.pop("SECRET_KEY", None)
    clean.pop("ALLOWED_HOSTS", None)
    args = code_or_args if isinstance(code_or_args, list) else [sys.executable, "-c", code_or_args]
    return subprocess.run(  # noqa: S603
        args,
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env},
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_settings(**env):
    result = run(PRINT_SETTINGS, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_production_refuses_to_start_without_a_secret_key_or_hosts():
    result = run(PRINT_SETTINGS, ALLOWED_HOSTS="www.example.org")
    assert "Set the SECRET_KEY environment variable." in result.stderr
    result = run(PRINT_SETTINGS, SECRET_KEY="x" * 50)
    assert "Set the ALLOWED_HOSTS environment variable" in result.stderr


def test_static_files_by_whitenoise_and_media_on_disk_by_default():
    found = production_settings(**PRODUCTION)
    assert found["hosts"] == ["www.example.org", "example.org"]
    middleware = found["middleware"]
    assert middleware.index("whitenoise.middleware.WhiteNoiseMiddleware") == (
        middleware.index("django.middleware.security.SecurityMiddleware") + 1
    )
    assert found["storages"]["staticfiles"]["BACKEND"] == (
        "whitenoise.storage.CompressedManifestStaticFilesStorage"
    )
    assert found["storages"]["default"]["BACKEND"].endswith("FileSystemStorage")


def test_media_on_s3_compatible_storage_when_a_bucket_is_named():
    found = production_settings(
        **PRODUCTION,
        AWS_STORAGE_BUCKET_NAME="intranet-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.org",
    )
    assert found["storages"]["default"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["bucket"] == "intranet-media"
    assert found["endpoint"] == "https://objects.example.org"


def test_serve_names_the_missing_variables():
    result = run(["scripts/serve.sh"], ALLOWED_HOSTS="www.example.org")
    assert result.returncode == 2
    assert "set SECRET_KEY in the environment" in result.stderr


WORKER = """
import django
django.setup()
from clusterdirectory.cache import cached
print(cached("probe", lambda: "computed before the change"), flush=True)
input()
print(cached("probe", lambda: "computed after the change"), flush=True)
"""


@pytest.mark.parametrize("shared", ["files", "redis"])
def test_workers_see_each_others_content_changes(tmp_path, shared):
    """Gunicorn workers each keep cached values in their own memory (without Redis, and in
    front of it); a change that one of them saw (here: another process) must reach the
    others at once."""
    if shared == "redis" and not os.environ.get("REDIS_URL"):
        pytest.skip("runs where the test command started Redis (the PostgreSQL pass)")
    env = {
        **PRODUCTION,
        # A database of their own (a change only touches it to learn about transactions).
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        **(
            {"REDIS_URL": os.environ["REDIS_URL"].rsplit("/", 1)[0] + "/15"}  # no test's own
            if shared == "redis"
            else {"REDIS_URL": "", "CACHE_DIR": str(tmp_path)}
        ),
    }
    clean = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_", "DATABASE_"))
    }
    worker = subprocess.Popen(  # noqa: S603
        [sys.executable, "-c", WORKER],
        env={**clean, "DJANGO_SETTINGS_MODULE": "cms.settings.production", **env},
        cwd=settings.BASE_DIR,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert worker.stdout.readline().strip() == "computed before the change"
        bump = "import django; django.setup(); from clusterdirectory.cache import content_changed\n"
        result = run(bump + "content_changed()", **env)
        assert result.returncode == 0, result.stderr
        worker.stdin.write("\n")
        worker.stdin.flush()
        assert worker.stdout.readline().strip() == "computed after the change"
    finally:
        worker.kill()
        worker.wait()
