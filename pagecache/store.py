"""Where cached pages live: Django's default cache (per process, or Redis with REDIS_URL).

Every key carries a generation number. A content change bumps the generation, so every page
cached before it is out of use at once (and expires on its own later): a site whose content
changes a few times a day loses little by starting afresh, and no change can be missed because
a listing, a filter URL or an API answer happened to show it. Purging only the URLs that show
a page would need every filter combination and API query that can include it.
"""

import hashlib
import time

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
