"""Django's Redis cache backend with one redis-py client per connection pool.

Django makes a new ``redis.Redis`` for every cache call. With redis-py 8 that costs more CPU
(about 0.2 ms) than the round trip to Redis itself, and a page-cache hit makes one such call.
A client holds no connection of its own (its pool does) and may be shared by threads, so one
per pool serves every call.
"""

from django.core.cache.backends import redis


class RedisCacheClient(redis.RedisCacheClient):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(pool)
        if client is None:
            client = self._clients[pool] = self._client(connection_pool=pool)
        return client


class RedisCache(redis.RedisCache):
    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = RedisCacheClient
