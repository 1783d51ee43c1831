from .base import *  # noqa: F403
from .local_secret import local_secret_key

DEBUG = True
# Local development only; production.py refuses to start without a real key.
SECRET_KEY = os.environ.get("SECRET_KEY") or local_secret_key(BASE_DIR / ".secret-key")  # noqa: F405
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# Templates being edited show at once; PAGE_CACHE_ENABLED=1 tries the cache locally.
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "0") == "1"  # noqa: F405
