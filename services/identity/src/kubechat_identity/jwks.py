"""The realm's signing keys, cached by `kid`.

Keycloak rotates keys by adding a new one with a higher priority: tokens then arrive with
a `kid` we have not seen. An unknown kid refetches the key set, at most once per
`min_refresh` seconds (forged kids must not become a flood of requests to Keycloak), and
concurrent callers share one fetch. The set is also refetched after `max_age`, so a key
that Keycloak disabled stops validating.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from typing import Any

import jwt

log = logging.getLogger(__name__)

FetchJwks = Callable[[], Awaitable[dict[str, Any]]]
Clock = Callable[[], float]


class KeyNotFound(LookupError):
    """No signing key with this kid, even after a refresh (or a refresh was too recent)."""


class JwksCache:
    def __init__(
        self,
        fetch: FetchJwks,
        *,
        min_refresh: float = 10.0,
        max_age: float = 300.0,
        clock: Clock = time.monotonic,
    ) -> None:
        self._fetch = fetch
        self._min_refresh = min_refresh
        self._max_age = max_age
        self._clock = clock
        self._keys: dict[str, jwt.PyJWK] = {}
        self._fetched_at: float | None = None
        self._lock = asyncio.Lock()
        self.fetches = 0

    @property
    def kids(self) -> frozenset[str]:
        return frozenset(self._keys)

    async def key(self, kid: str) -> jwt.PyJWK:
        """The verification key for `kid`; refetches when unknown or stale."""
        now = self._clock()
        stale = self._fetched_at is None or now - self._fetched_at >= self._max_age
        found = self._keys.get(kid)
        if found is not None and not stale:
            return found  # the hot path: no lock, no await
        async with self._lock:
            # Another caller may have refreshed while we waited for the lock.
            found = self._keys.get(kid)
            fresh = self._fetched_at is not None and self._clock() - self._fetched_at < (
                self._min_refresh if found is None else self._max_age
            )
            if not fresh:
                try:
                    await self._refresh()
                except Exception:
                    if found is None:
                        raise
                    # Keycloak is down but the key is known: keep validating with it and
                    # try again after min_refresh rather than failing every request.
                    log.warning("JWKS refresh failed; keeping the cached keys", exc_info=True)
                    self._fetched_at = self._clock() - self._max_age + self._min_refresh
                found = self._keys.get(kid)
        if found is None:
            raise KeyNotFound(kid)
        return found

    async def _refresh(self) -> None:
        document = await self._fetch()
        keys: dict[str, jwt.PyJWK] = {}
        for entry in document.get("keys", []):
            # Keycloak publishes its encryption key (use=enc) in the same set; it must
            # never verify a signature.
            if entry.get("use", "sig") != "sig" or "kid" not in entry:
                continue
            try:
                keys[entry["kid"]] = jwt.PyJWK(entry)
            except jwt.PyJWKError:
                log.warning("skipping unusable JWKS key", extra={"kid": entry.get("kid")})
        self._keys = keys
        self._fetched_at = self._clock()
        self.fetches += 1
        log.info("JWKS refreshed", extra={"kids": sorted(keys)})
