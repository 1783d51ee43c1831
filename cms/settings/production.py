"""Production: configured only by the environment (see docs/deployment.md)."""

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403

if not SECRET_KEY:  # noqa: F405
    raise ImproperlyConfigured("Set the SECRET_KEY environment variable.")
if not ALLOWED_HOSTS:  # noqa: F405
    raise ImproperlyConfigured(
        "Set the ALLOWED_HOSTS environment variable: the site's host names, comma separated "
        "(e.g. www.example.org,example.org)."
    )

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True

# Static files from the application servers themselves, compressed and with hashed names
# that browsers and a CDN may keep for ever (`collectstatic` writes them to STATIC_ROOT).
MIDDLEWARE.insert(  # noqa: F405
    MIDDLEWARE.index("django.middleware.security.SecurityMiddleware") + 1,  # noqa: F405
    "whitenoise.middleware.WhiteNoiseMiddleware",
)
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
}

# Media (images, documents) on S3-compatible object storage when a bucket is named, so that
# every application server sees the same files; otherwise in MEDIA_ROOT on this machine.
if os.environ.get("AWS_STORAGE_BUCKET_NAME"):  # noqa: F405
    STORAGES["default"] = {"BACKEND": "storages.backends.s3.S3Storage"}  # noqa: F405
    AWS_STORAGE_BUCKET_NAME = os.environ["AWS_STORAGE_BUCKET_NAME"]  # noqa: F405
    AWS_S3_ENDPOINT_URL = os.environ.get("AWS_S3_ENDPOINT_URL") or None  # noqa: F405
    AWS_S3_REGION_NAME = os.environ.get("AWS_S3_REGION_NAME") or None  # noqa: F405
    AWS_ACCESS_KEY_ID = os.environ.get("AWS_ACCESS_KEY_ID") or None  # noqa: F405
    AWS_SECRET_ACCESS_KEY = os.environ.get("AWS_SECRET_ACCESS_KEY") or None  # noqa: F405
    # Public files from a CDN or the bucket's own host, without expiring signed URLs.
    AWS_S3_CUSTOM_DOMAIN = os.environ.get("AWS_S3_CUSTOM_DOMAIN") or None  # noqa: F405
    AWS_QUERYSTRING_AUTH = os.environ.get("AWS_QUERYSTRING_AUTH", "0") == "1"  # noqa: F405
    AWS_S3_FILE_OVERWRITE = False  # an upload never replaces another file of the same name

# HTTPS only. Behind a proxy or load balancer that terminates TLS, it must send
# X-Forwarded-Proto (above); set SECURE_SSL_REDIRECT=0 if the proxy itself redirects to HTTPS.
SECURE_SSL_REDIRECT = os.environ.get("SECURE_SSL_REDIRECT", "1") == "1"  # noqa: F405
# Browsers remember to use HTTPS only; HSTS_SECONDS=0 switches it off while trying HTTPS out.
SECURE_HSTS_SECONDS = int(os.environ.get("HSTS_SECONDS", str(365 * 24 * 3600)))  # noqa: F405
SECURE_HSTS_INCLUDE_SUBDOMAINS = os.environ.get("HSTS_INCLUDE_SUBDOMAINS", "1") == "1"  # noqa: F405
SECURE_HSTS_PRELOAD = os.environ.get("HSTS_PRELOAD", "1") == "1"  # noqa: F405
