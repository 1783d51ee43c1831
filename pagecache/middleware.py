"""Whole-response cache for anonymous visitors: public pages, filter URLs and the API.

A hit is answered before sessions, authentication or the database are touched. Only what
looks the same to every visitor is stored: GET answers with status 200, to a request without
a session or messages cookie, that set no cookie (a form's CSRF token sets one) and that no
view marked private. The key is the full URL with its query string as sent (plus the Accept
header for the API, whose renderer depends on it). Answers to search text are not stored:
the text is whatever a visitor typed, so they would fill the cache with pages asked once,
and each write costs more the more the cache holds (Django's file cache lists its directory
to cull it). What a search costs to answer is kept anyway: the matches of each text
(``clusterdirectory.listing.matching_text``).

A page is stored with the content version it was made under (``clusterdirectory.cache``): any
content change raises the version, so every page cached before it is out of use at once and
expires by itself later. A hit reads the version and the page in one round trip.
"""

from django.conf import settings
from django.http import HttpResponse
from django.utils.cache import cc_delim_re

from clusterdirectory.cache import get_with_version, set_with_version

# The admin, previews (Wagtail's and the headless one) and documents, which check
# permissions and count downloads, are never cached.
EXCLUDED_PREFIXES = ("/admin/", "/django-admin/", "/documents/", "/api/v2/page_preview/")
# Besides the session: Django's messages, shown once to the visitor they were meant for.
PERSONAL_COOKIES = ("messages",)
# The query parameters that carry search text: the site's, the directory's and the APIs'.
SEARCH_PARAMETERS = ("q", "search")
MAX_URL_LENGTH = 2000  # longer query strings are someone's experiment, not worth storing
HIT, MISS = "HIT", "MISS"


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self.is_cacheable_request(request):
            return self.get_response(request)
        name = f"{request.build_absolute_uri()}\n{self.variant(request)}"
        version, cached = get_with_version(f"page:{name}")
        if cached is not None:
            return rebuild(cached)
        response = self.get_response(request)
        if request.method == "GET" and self.is_cacheable_response(request, response):
            stored = (response.content, list(response.items()))
            set_with_version(f"page:{name}", stored, version, settings.PAGE_CACHE_TIMEOUT)
            response["X-Cache"] = MISS
        return response

    def is_cacheable_request(self, request):
        if not settings.PAGE_CACHE_ENABLED:
            return False
        if request.method not in ("GET", "HEAD") or "HTTP_AUTHORIZATION" in request.META:
            return False
        if request.path.startswith(EXCLUDED_PREFIXES) or len(request.get_full_path()) > (
            MAX_URL_LENGTH
        ):
            return False
        if any(request.GET.get(name, "").strip() for name in SEARCH_PARAMETERS):
            return False
        cookies = (settings.SESSION_COOKIE_NAME, *PERSONAL_COOKIES)
        return not any(name in request.COOKIES for name in cookies)

    def variant(self, request):
        return request.headers.get("Accept", "") if request.path.startswith("/api/") else ""

    def is_cacheable_response(self, request, response):
        if response.status_code != 200 or response.streaming or response.cookies:
            return False
        if getattr(request, "is_preview", False):
            return False
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            return False
        cache_control = {
            token.strip().lower() for token in cc_delim_re.split(response.get("Cache-Control", ""))
        }
        return not cache_control & {"private", "no-cache", "no-store"}


def rebuild(cached):
    content, headers = cached
    response = HttpResponse(content)
    for name, value in headers:
        response[name] = value
    response["X-Cache"] = HIT
    return response
