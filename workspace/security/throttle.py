"""Counting requests per key in Django's cache, to refuse the ones over a limit.

One fixed window per key, opened by its first hit: the counter expires with the
window. With no working cache (Redis down), requests are let through rather than
refused: a rate limit must not take the feature down with it.
"""

import hashlib

from django.core.cache import cache


class Throttle:
    def __init__(self, scope, limit, window_seconds):
        self.scope = scope
        self.limit = limit
        self.window_seconds = window_seconds

    def _cache_key(self, key):
        # Hashed: keys may be e-mail addresses, which have no business in the cache in clear.
        digest = hashlib.sha256(str(key).encode()).hexdigest()
        return f"throttle:{self.scope}:{digest}"

    def hit(self, key):
        """Count one request for ``key``; True while it stays within the limit."""
        cache_key = self._cache_key(key)
        cache.add(cache_key, 0, self.window_seconds)
        try:
            count = cache.incr(cache_key)
        except ValueError:
            return True
        return count <= self.limit
