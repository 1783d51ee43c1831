"""The shared cache with REDIS_URL: Django's Redis backend, reusing its redis-py client."""

import os

import pytest
from django.core.cache import caches

from cms.redis_cache import RedisCache

pytestmark = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="runs where the test command started Redis"
)


def test_the_shared_cache_is_redis_and_builds_one_client_per_pool():
    shared = caches["default"]
    assert isinstance(shared, RedisCache)
    client = shared._cache.get_client()
    assert shared._cache.get_client() is client
    assert shared._cache.get_client(write=True) is client  # one server, one pool

    shared.set("probe", {"clusters": 21})
    assert shared.get_many(["probe", "missing"]) == {"probe": {"clusters": 21}}
    shared.set("counter", 1)
    assert shared.incr("counter") == 2
    assert client.connection_pool.connection_kwargs["host"] in os.environ["REDIS_URL"]
