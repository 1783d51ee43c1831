"""One content version for everything kept in Django's cache.

The version is a number in the cache that any change to content raises (``signals.py``). A
value is stored with the version it was computed under and read together with the current
version in one round trip, so after a change nothing old is used again and nothing has to be
found to purge it; old values are overwritten or expire by themselves. The plugin keeps here
what costs most and is asked for again and again: the facet index of each listing
(``facets.py``) and the partner ranking of a cluster page.
A site may keep more under the same version (this project's whole-page cache does).
"""

import hashlib
import time

from django.core.cache import caches
from django.db import transaction

from .conf import get_setting

VERSION_KEY = "clusterdirectory:content-version"
_MISSING = object()


def get_cache():
    return caches[get_setting("CACHE")]


def content_version():
    cache = get_cache()
    version = cache.get(VERSION_KEY)
    if version is None:
        version = _new_version(cache)
    return version


def _new_version(cache):
    # From the clock: a version lost from the cache (evicted, restarted) never returns to an
    # old one, whose values may still be there.
    cache.add(VERSION_KEY, time.time_ns(), timeout=None)
    return cache.get(VERSION_KEY)


def _raise_version():
    cache = get_cache()
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # not in the cache (yet, or any more)
        cache.set(VERSION_KEY, time.time_ns(), timeout=None)


def content_changed():
    _raise_version()
    # Again once the change is committed: a request that read the old content while the
    # transaction was open may have kept it under the new version in the meantime.
    transaction.on_commit(_raise_version)


def key_for(name):
    # Names hold filter text and URLs of any length; keys must stay short.
    return f"clusterdirectory:{hashlib.sha256(name.encode()).hexdigest()}"


def cached(name, compute):
    """``compute()``, kept until content next changes (or ``CACHE_TIMEOUT``)."""
    version, value = _read(name)
    if value is _MISSING:
        value = compute()
        set_with_version(name, value, version, get_setting("CACHE_TIMEOUT"))
    return value


def get_with_version(name):
    """``(current version, value stored by set_with_version or None)`` in one round trip: the
    value only if no change came since it was stored."""
    version, value = _read(name)
    return version, None if value is _MISSING else value


def _read(name):
    # The version and the value in one round trip to the cache: a value is stored with the
    # version it was computed under, and used only while that is still the current one.
    cache, key = get_cache(), key_for(name)
    found = cache.get_many([VERSION_KEY, key])
    version = found.get(VERSION_KEY) or _new_version(cache)
    stored = found.get(key)
    if stored is not None and stored[0] == version:
        return version, stored[1]
    return version, _MISSING


def set_with_version(name, value, version, timeout):
    """Stores ``value`` as computed under ``version`` (read before computing it, so that a
    change while computing leaves it unused)."""
    get_cache().set(key_for(name), (version, value), timeout)
