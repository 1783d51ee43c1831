"""Settings of the benchmark (``python -m bench``): production's, with a database of its own,
the floor view (bench/urls.py) and the query count of every response. Never deployed."""

import os

os.environ.setdefault("SECRET_KEY", "bench-only-key")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "0")  # plain HTTP on loopback
os.environ.setdefault("HSTS_SECONDS", "0")

from .production import *  # noqa: E402, F403

DATABASES = {  # noqa: F405
    "default": dj_database_url.parse(os.environ["BENCH_DATABASE_URL"], conn_max_age=600)  # noqa: F405
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    # Throwaway data: no waiting for the disk; readers do not block the writer.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF;"
    }
ROOT_URLCONF = "bench.urls"
MIDDLEWARE = ["bench.middleware.QueryCountMiddleware", *MIDDLEWARE]  # noqa: F405
STATIC_ROOT = BASE_DIR / ".bench" / "static"  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".bench" / "media"  # noqa: F405
