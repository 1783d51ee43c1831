from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"
}
BASE_URL = WAGTAILADMIN_BASE_URL = WAGTAILAPI_BASE_URL = "http://testserver"
# Reverses the words: machine translation without calling DeepL.
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"
}

# Without Redis each test process keeps its own cache in memory (the tests empty it), never
# the files of `make run`'s cache.
if not os.environ.get("REDIS_URL"):  # noqa: F405
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Parallel test processes (pytest-xdist) each get their own Redis database: a test that
# clears the cache must not clear another process's rate limits or cached lookups.
_worker = os.environ.get("PYTEST_XDIST_WORKER", "")  # noqa: F405
if _worker and os.environ.get("REDIS_URL"):  # noqa: F405
    CACHES["default"]["LOCATION"] = (  # noqa: F405
        os.environ["REDIS_URL"].rsplit("/", 1)[0] + f"/{int(_worker.removeprefix('gw')) + 1}"  # noqa: F405
    )
