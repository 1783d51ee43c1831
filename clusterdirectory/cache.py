"""What the directory computes from every cluster, or renders for every listing, but changes
only with content: the results and facet counts of a filter, partner rankings, the ids of API
listings, cluster cards, API items, tag names.

It is kept in Django's cache under a version number that any change to pages (drafts too),
tags, tag names, images, locales, sites or view restrictions raises (``signals.py``): after a
change nothing is stale, and no key has to be found to purge it. Template fragments
(``{% directorycache %}``, fragments.py), the view restrictions of each page and a site's
routes (this project's pagecache/routing.py) are kept here too.
"""

import hashlib
import time
from collections.abc import Sequence
from functools import cached_property

from asgiref.local import Local
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.dispatch import receiver

from .conf import get_setting

_MISSING = object()


def digest(name):
    # Names hold URLs and filter text of any length; keys must stay short.
    return hashlib.sha256(name.encode()).hexdigest()


# The versions a request has read: a page asks for them a dozen times, and each time is a
# round trip to Redis or a file read. Only while a request runs: a process serving no
# requests (a command) reads them anew each time.
_request = Local()
_instances = []  # every VersionedCache made


@receiver(request_started)
def _request_started(**kwargs):
    _request.versions = {}


@receiver(request_finished)
def _request_finished(**kwargs):
    _request.versions = None


class VersionedCache:
    """Values under ``prefix`` in a Django cache, all dropped at once by ``bump()``.

    The version number lives in the cache named "versions" when ``CACHES`` has one: processes
    that each keep values in their own memory then still agree on what is current.
    """

    def __init__(self, prefix, alias=None, timeout=None):
        self.prefix = prefix
        self.version_key = f"{prefix}:version"
        self._alias = alias
        self._timeout = timeout
        _instances.append(self)

    @property
    def cache(self):
        return caches[self._alias() if callable(self._alias) else self._alias or "default"]

    @property
    def local(self):
        """The cache named "local" (this process's memory) in front of a shared one (Redis),
        when ``CACHES`` has one: a key names one version's value, which never changes, so a
        process cannot keep a stale value, and a hit needs no round trip."""
        if "local" in settings.CACHES and self.cache is not caches["local"]:
            return caches["local"]
        return None

    @property
    def versions(self):
        return caches["versions"] if "versions" in settings.CACHES else self.cache

    @property
    def timeout(self):
        return self._timeout() if callable(self._timeout) else self._timeout

    def version(self):
        seen = getattr(_request, "versions", None)  # read once per request
        if seen is not None and self.version_key not in seen:
            seen.update(self.versions.get_many(self._read_together()))
        if seen is not None and self.version_key in seen:
            return seen[self.version_key]
        current = self.versions.get(self.version_key)
        if current is None:
            # Starting from the clock, a version lost from the cache never returns to an old one.
            self.versions.add(self.version_key, time.time_ns(), timeout=None)
            current = self.versions.get(self.version_key)
        if seen is not None:
            seen[self.version_key] = current
        return current

    def _read_together(self):
        """The version keys of every kept cache whose versions live where this one's do: a
        request reads them all in one round trip."""
        return [kept.version_key for kept in _instances if kept.versions is self.versions]

    def bump(self):
        try:
            self.versions.incr(self.version_key)
        except ValueError:  # not in the cache (yet, or any more)
            self.versions.set(self.version_key, time.time_ns(), timeout=None)
        seen = getattr(_request, "versions", None)
        if seen is not None:
            seen.pop(self.version_key, None)  # the request's own change shows to itself

    def bump_now_and_on_commit(self):
        self.bump()
        # Again once the change is committed: a request that read the old content while the
        # transaction was open may have cached it in the meantime.
        transaction.on_commit(self.bump)

    def key(self, name, version=None):
        return f"{self.prefix}:{version or self.version()}:{digest(name)}"

    def get_or_compute(self, name, compute):
        """``compute()``, kept until the next bump (or the timeout)."""
        key = self.key(name)
        local = self.local
        value = local.get(key, _MISSING) if local else _MISSING
        if value is _MISSING:
            value = self.cache.get(key, _MISSING)
            if value is _MISSING:
                value = compute()
                self.cache.set(key, value, self.timeout)
            if local:
                local.set(key, value, self.timeout)
        return value

    def get_latest(self, name):
        """``(version, value)``: the value ``set_latest`` stored under ``name`` if no bump came
        since (else None), with the current version to store a new one under. One round trip
        to the cache when it holds the versions too (Redis)."""
        key = f"{self.prefix}:latest:{digest(name)}"
        if self.versions is self.cache:
            together = self._read_together()
            found = self.cache.get_many([*together, key])
            seen = getattr(_request, "versions", None)
            if seen is not None:
                seen.update({k: v for k, v in found.items() if k in together and k not in seen})
            version = found.get(self.version_key) or self.version()
            stored = found.get(key)
        else:
            version, stored = self.version(), self.cache.get(key)
        if stored is not None and stored[0] == version:
            return version, stored[1]
        return version, None

    def set_latest(self, name, value, version):
        """Stores ``value`` for ``get_latest``, as of ``version`` (read before computing it, so
        that a bump while computing leaves it unused)."""
        key = f"{self.prefix}:latest:{digest(name)}"
        self.cache.set(key, (version, value), self.timeout)

    def get_many_or_compute(self, names, compute):
        """``{name: value}`` for ``names`` in one round trip to the cache; ``compute(names)``
        gives those not kept, as a dict."""
        version = self.version()
        keys = {name: self.key(name, version) for name in names}
        local = self.local
        found = local.get_many(keys.values()) if local else {}
        if len(found) < len(keys):
            shared = self.cache.get_many([key for key in keys.values() if key not in found])
            if local and shared:
                local.set_many(shared, self.timeout)
            found.update(shared)
        values = {name: found[key] for name, key in keys.items() if key in found}
        missing = [name for name in names if name not in values]
        if missing:
            computed = {keys[name]: value for name, value in compute(missing).items()}
            self.cache.set_many(computed, self.timeout)
            if local:
                local.set_many(computed, self.timeout)
            values.update(
                {name: computed[keys[name]] for name in missing if keys[name] in computed}
            )
        return values


directory_cache = VersionedCache(
    "clusterdirectory",
    alias=lambda: get_setting("CACHE"),
    timeout=lambda: get_setting("CACHE_TIMEOUT"),
)


def cached(name, compute):
    """``compute()``, kept until the directory's content next changes."""
    return directory_cache.get_or_compute(name, compute)


def content_changed():
    directory_cache.bump_now_and_on_commit()


def cached_ids(name, queryset):
    """The primary keys of ``queryset`` in its order, kept until content changes."""
    return cached(name, lambda: list(queryset.values_list("pk", flat=True)))


def in_order(queryset, ids):
    """The objects of ``queryset`` with these ``ids``, in the order of ``ids`` (one query)."""
    objects = {obj.pk: obj for obj in queryset.filter(pk__in=ids).order_by()} if ids else {}
    return [objects[pk] for pk in ids if pk in objects]


class ObjectsById(Sequence):
    """Kept ids standing for the objects of ``queryset``, fetched in one query the first time
    they are looked at: a page made of kept fragments need not fetch them at all."""

    def __init__(self, ids, queryset):
        self.ids = list(ids)
        self.queryset = queryset

    @classmethod
    def of(cls, objects):
        """Objects fetched already (search results)."""
        found = cls([obj.pk for obj in objects], queryset=None)
        found.objects = list(objects)
        return found

    @cached_property
    def objects(self):
        return in_order(self.queryset, self.ids)

    def fetch(self, ids):
        """The objects with these ``ids``, in their order."""
        if "objects" in self.__dict__:
            fetched = {obj.pk: obj for obj in self.objects}
            return [fetched[pk] for pk in ids if pk in fetched]
        return in_order(self.queryset, ids)

    def __len__(self):
        return len(self.objects) if "objects" in self.__dict__ else len(self.ids)

    def __getitem__(self, index):
        return self.objects[index]
