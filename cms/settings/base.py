"""Settings shared by every environment; safe for production on their own.

Secrets and hosts come only from the environment (see production.py).
"""

import datetime
import os
from pathlib import Path

import dj_database_url

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

DEBUG = False
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = [h for h in os.environ.get("ALLOWED_HOSTS", "").split(",") if h]

INSTALLED_APPS = [
    "staff",
    "home",
    "pagecache",
    "clusterdirectory",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail_headless_preview",
    "wagtail.api.v2",
    "wagtail.api.v3",
    "ninja",  # serves the API docs' scripts itself, not from a CDN
    "rest_framework",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "axes",
]

MIDDLEWARE = [
    # First, so that it answers CORS preflights before any other middleware responds.
    "corsheaders.middleware.CorsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # High up, so that answers given early (the language redirect of "/") carry it too.
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "cms.middleware.ContentSecurityPolicyMiddleware",
    # Before sessions and authentication: a cached page is answered without touching them.
    "pagecache.middleware.PageCacheMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # After sessions, before common: picks the language from the URL prefix.
    "cms.middleware.JSONAwareLocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    # Keeps translators to their languages in wagtail-localize's views (staff.languages).
    "staff.middleware.TranslationLanguageMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # Last, as django-axes asks: answers a locked-out sign-in with its lockout page.
    "axes.middleware.AxesMiddleware",
]

# Failed sign-ins (the Wagtail admin's and Django's own admin's form) are throttled by
# django-axes: after AXES_FAILURE_LIMIT failures from one address, or for one user name from
# anywhere, sign-ins stop for AXES_COOLOFF_TIME. The cool-off is short and not renewed by
# further failures, so an attacker cannot keep staff out for long; `manage.py
# axes_reset_username NAME` unlocks at once (docs/deployment.md).
AUTHENTICATION_BACKENDS = [
    # AxesBackend has ModelBackend's get_user: Wagtail's test tools log in with the first.
    "axes.backends.AxesBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("LOGIN_FAILURE_LIMIT", "10"))
AXES_COOLOFF_TIME = datetime.timedelta(minutes=int(os.environ.get("LOGIN_COOLOFF_MINUTES", "15")))
AXES_LOCKOUT_PARAMETERS = ["ip_address", "username"]
AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT = False
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "clusterdirectory.antispam.client_ip"
AXES_LOCKOUT_CALLABLE = "cms.login_throttle.locked_out"

# The site's own pages run no inline script or style; images may come from any HTTPS host
# (media on object storage or a CDN). Wagtail's admin (explorer, editor) has inline styles
# and scripts, so its policy allows them, still from no other host.
_CSP_COMMON = (
    "default-src 'self'; img-src 'self' data: https:; font-src 'self'; connect-src 'self'; "
    "form-action 'self'; base-uri 'self'; object-src 'none'"
)
CONTENT_SECURITY_POLICY = os.environ.get(
    "CONTENT_SECURITY_POLICY",
    f"{_CSP_COMMON}; script-src 'self'; style-src 'self'; frame-ancestors 'none'",
)
CONTENT_SECURITY_POLICY_ADMIN = os.environ.get(
    "CONTENT_SECURITY_POLICY_ADMIN",
    f"{_CSP_COMMON}; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
    "frame-ancestors 'self'",  # previews show in a frame of the admin
)
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"

ROOT_URLCONF = "cms.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PROJECT_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]

WSGI_APPLICATION = "cms.wsgi.application"

# SQLite by default; DATABASE_URL (postgres://...) selects another database.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=60,
        # A kept connection is checked before reuse: after a database restart the next
        # request reconnects instead of failing once.
        conn_health_checks=True,
    )
}

# A shared cache (Redis) when REDIS_URL is set, so that several processes or machines share
# cached data and the public forms' rate limits. Without it the processes of this machine
# (gunicorn's workers or runserver, and the scheduled jobs beside them) share a cache in
# files: cached pages, the facet index, rate limits and the content version that every change
# raises, so a page published by one process is new in all of them at once.
if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": {
            "BACKEND": "cms.redis_cache.RedisCache",  # Django's, a little faster
            "LOCATION": os.environ["REDIS_URL"],
        },
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("CACHE_DIR", str(BASE_DIR / ".cache")),
            # Django's default of 300 entries is fewer than the pages of a big directory.
            "OPTIONS": {"MAX_ENTRIES": int(os.environ.get("CACHE_ENTRIES", "10000"))},
        },
    }

# Anonymous visitors' pages are cached whole (pagecache/) under the content version that any
# content change raises (clusterdirectory/cache.py).
PAGE_CACHE_ENABLED = os.environ.get("PAGE_CACHE_ENABLED", "1") == "1"
PAGE_CACHE_TIMEOUT = int(os.environ.get("PAGE_CACHE_TIMEOUT", "300"))  # seconds

# A CDN or caching proxy in front of the site, purged by Wagtail when pages change: either
# Cloudflare (zone and API token) or any proxy that accepts HTTP PURGE requests (Varnish...).
WAGTAILFRONTENDCACHE = {}
if os.environ.get("CLOUDFLARE_ZONE_ID"):
    WAGTAILFRONTENDCACHE["cloudflare"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.CloudflareBackend",
        "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        "BEARER_TOKEN": os.environ.get("CLOUDFLARE_BEARER_TOKEN", ""),
    }
if os.environ.get("FRONTEND_CACHE_PURGE_URL"):
    WAGTAILFRONTENDCACHE["proxy"] = {
        "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
        "LOCATION": os.environ["FRONTEND_CACHE_PURGE_URL"],
    }
if WAGTAILFRONTENDCACHE:
    INSTALLED_APPS.append("wagtail.contrib.frontend_cache")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation: English is the source language, Danish and German translations.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("da", "Dansk"),
    ("de", "Deutsch"),
]
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAIL_I18N_ENABLED = True
# Slugs the admin makes from titles are ASCII ("Sønderjylland" gives sonderjylland), so that
# URLs read the same in every language, mail client and printed flyer.
WAGTAIL_ALLOW_UNICODE_SLUGS = False
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Europe/Copenhagen"
USE_I18N = True
USE_TZ = True


def machine_translator(environ):
    """wagtail-localize's "Translate with DeepL" when ``DEEPL_AUTH_KEY`` is set (a key of the
    free plan, ending in ":fx", uses DeepL's free API); no machine translation otherwise."""
    key = environ.get("DEEPL_AUTH_KEY", "").strip()
    if not key:
        return None
    options = {"AUTH_KEY": key}
    if environ.get("DEEPL_FORMALITY"):  # "prefer_more": "Sie" rather than "du"
        options["FORMALITY"] = environ["DEEPL_FORMALITY"]
    return {
        "CLASS": "wagtail_localize.machine_translators.deepl.DeepLTranslator",
        "OPTIONS": options,
    }


WAGTAILLOCALIZE_MACHINE_TRANSLATOR = machine_translator(os.environ)

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [PROJECT_DIR / "static"]
# Leaflet for the directory's map, pinned in package.json (`make run` installs it alone with
# `npm ci --omit=dev`, `make test` with the checkers); without it the directory has no map,
# the list serves alone.
if (BASE_DIR / "node_modules" / "leaflet" / "dist").is_dir():
    STATICFILES_DIRS.append(("leaflet", BASE_DIR / "node_modules" / "leaflet" / "dist"))
STATIC_ROOT = BASE_DIR / "static"
STATIC_URL = "/static/"
MEDIA_ROOT = BASE_DIR / "media"
MEDIA_URL = "/media/"

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Complex page models can exceed Django's default of 1000 fields in the editor.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

WAGTAIL_SITE_NAME = "InTra-Net"
# Rich text without embeds: an embed frames another site's code, which the
# Content-Security-Policy refuses anyway. Fields that need less name their own features.
WAGTAILADMIN_RICH_TEXT_EDITORS = {
    "default": {
        "WIDGET": "wagtail.admin.rich_text.DraftailRichTextArea",
        "OPTIONS": {
            "features": [
                "h2",
                "h3",
                "h4",
                "bold",
                "italic",
                "ol",
                "ul",
                "hr",
                "link",
                "document-link",
                "image",
            ]  # fmt: skip
        },
    }
}
# No avatars from Gravatar: staff e-mail hashes stay here, and the admin needs no third party.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False  # staff are not told of Wagtail releases; we pin versions
# Where visitors reach the site (scheme, host, port): every absolute link the API, exports,
# feeds and e-mails give. `make run` sets it to the port it serves on; the demo's Site record
# follows it (load_demo_content).
BASE_URL = os.environ.get("BASE_URL", "http://127.0.0.1:8000").rstrip("/")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", BASE_URL)
WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", BASE_URL)
WAGTAILAPI_LIMIT_MAX = 100
# Rich text as a browser shows it: links and images with their public URLs.
WAGTAILAPI_RICH_TEXT_FORMAT = "html"
WAGTAILAPI_SEARCH_ENABLED = True
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "cms.search"}}  # words only: cms/search.py
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
# Only real JPEG, PNG and WebP images (Wagtail checks the content with Pillow, not the
# name), at most 5 MB and 25 megapixels (a decompression bomb is refused before decoding).
WAGTAILIMAGES_EXTENSIONS = ["jpg", "jpeg", "png", "webp"]
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 5 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 25_000_000
# Documents always go through Wagtail's serve view: it checks collection privacy and sends
# them as downloads with nosniff, also when media move to object storage.
WAGTAILDOCS_SERVE_METHOD = "serve_view"

# Browsers on these origins (comma separated, e.g. "https://www.example.org,http://localhost:3000")
# may call the API from their pages; nothing outside /api/ is shared cross-origin.
CORS_ALLOWED_ORIGINS = [
    origin.strip()
    for origin in os.environ.get("CORS_ALLOWED_ORIGINS", "").split(",")
    if origin.strip()
]
CORS_URLS_REGEX = r"^/api/"

# Headless preview: with HEADLESS_PREVIEW_URL set, the editor's preview redirects to that front
# end with ?content_type=...&token=..., which fetches the draft from /api/v2/page_preview/.
# Unset (the default), pages preview in the admin as usual.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": os.environ.get("HEADLESS_PREVIEW_URL", "").strip()},
    "REDIRECT_ON_PREVIEW": True,  # no iframe inside Wagtail's preview iframe (Wagtail >= 7.1)
    "ENFORCE_TRAILING_SLASH": False,  # the configured URL exactly
}

TAGGIT_CASE_INSENSITIVE = True

CLUSTERDIRECTORY = {
    "CLUSTERS_PER_PAGE": 12,
    "REGISTRATION_RATE_LIMIT": os.environ.get("REGISTRATION_RATE_LIMIT", "5/h"),
    "CONTACT_RATE_LIMIT": os.environ.get("CONTACT_RATE_LIMIT", "5/h"),
    "CLIENT_IP_HEADER": os.environ.get("CLIENT_IP_HEADER") or None,
    # Clusters without a contact person are reached through the network's contact.
    "CONTACT_FALLBACK": "home.models.network_contact_for",
    # The maps' street tiles, loaded only when a visitor asks for them (the button names the
    # host, the privacy page too); MAP_TILE_URL="" offers none: the site's own basemap only.
    "MAP_TILES": {
        "url": os.environ.get("MAP_TILE_URL", "https://tile.openstreetmap.org/{z}/{x}/{y}.png"),
        "attribution": os.environ.get(
            "MAP_TILE_ATTRIBUTION",
            '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> '
            "contributors",
        ),
    },
}

# Mail: registrations and contact requests are stored before anything is sent, and
# `manage.py send_pending_mail` (run it from cron) sends what failed. Configure SMTP with
# EMAIL_HOST, EMAIL_PORT, EMAIL_HOST_USER, EMAIL_HOST_PASSWORD, EMAIL_USE_TLS.
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "25"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "") == "1"
EMAIL_TIMEOUT = 10  # seconds: a hanging mail server must not hold a visitor's request
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "InTra-Net <noreply@localhost>")
