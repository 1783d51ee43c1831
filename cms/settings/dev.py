from .base import *  # noqa: F403

DEBUG = True
# Local development only; production.py refuses to start without a real key.
SECRET_KEY = os.environ.get("SECRET_KEY", "dev-only-insecure-key")  # noqa: F405, S105
ALLOWED_HOSTS = ["*"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
