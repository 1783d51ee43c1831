"""Where cached pages live: Django's default cache (per process, or Redis with REDIS_URL).

Every page is stored with the generation (version) it was made under. A content change bumps
the generation, so every page cached before it is out of use at once (and expires on its own
later): a site whose content changes a few times a day loses little by starting afresh, and
no change can be missed because a listing, a filter URL or an API answer happened to show it.
Purging only the URLs that show a page would need every filter combination and API query
that can include it.

``cached()`` keeps smaller pieces that every page repeats (the menu, the footer's settings)
under the same generation, so they too are fresh after every change, also for editors.
"""

from django.conf import settings

from clusterdirectory.cache import VersionedCache

pages = VersionedCache("pagecache", timeout=lambda: settings.PAGE_CACHE_TIMEOUT)

purge = pages.bump_now_and_on_commit


def cached(name, compute):
    """``compute()``, kept until the next content change (or ``PAGE_CACHE_TIMEOUT``)."""
    return pages.get_or_compute(f"part:{name}", compute)
