"""Where cached pages live: Django's default cache (per process, or Redis with REDIS_URL).

Every key carries a generation number. A content change bumps the generation, so every page
cached before it is out of use at once (and expires on its own later): a site whose content
changes a few times a day loses little by starting afresh, and no change can be missed because
a listing, a filter URL or an API answer happened to show it. Purging only the URLs that show
a page would need every filter combination and API query that can include it.

``cached()`` keeps smaller pieces that every page repeats (the menu, the footer's settings)
under the same generation, so they too are fresh after every change, also for editors.
"""

import hashlib
import time

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"


def generation():
    current = cache.get(GENERATION_KEY)
    if current is None:
        # Starting from the clock, a generation lost from the cache never returns to an old one.
        cache.add(GENERATION_KEY, time.time_ns(), timeout=None)
        current = cache.get(GENERATION_KEY)
    return current


def bump_generation():
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # not in the cache (yet, or any more)
        cache.set(GENERATION_KEY, time.time_ns(), timeout=None)


def page_key(url, variant=""):
    digest = hashlib.sha256(f"{url}\n{variant}".encode()).hexdigest()
    return f"pagecache:{generation()}:{digest}"


_MISSING = object()


def cached(name, compute):
    """``compute()``, kept until the next content change (or ``PAGE_CACHE_TIMEOUT``)."""
    key = f"pagecache:{generation()}:part:{name}"
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        cache.set(key, value, settings.PAGE_CACHE_TIMEOUT)
    return value
