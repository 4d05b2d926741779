from __future__ import annotations

import pytest

from kubechat_identity.jwks import JwksCache, KeyNotFound

from .conftest import FakeIdp, SigningKey


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def test_known_keys_are_served_from_the_cache(signing_key: SigningKey) -> None:
    idp = FakeIdp([signing_key])
    cache = JwksCache(idp.fetch, min_refresh=10, max_age=300, clock=Clock())
    for _ in range(100):
        await cache.key(signing_key.kid)
    assert idp.calls == 1


async def test_a_rotated_key_is_fetched_on_first_sight(
    signing_key: SigningKey, other_key: SigningKey
) -> None:
    idp, clock = FakeIdp([signing_key]), Clock()
    cache = JwksCache(idp.fetch, min_refresh=10, max_age=300, clock=clock)
    await cache.key(signing_key.kid)
    idp.keys = [other_key]  # Keycloak rotated: new key active, old one disabled
    clock.now += 11
    assert (await cache.key(other_key.kid)).key_id == other_key.kid
    assert idp.calls == 2


async def test_unknown_kids_refetch_at_most_once_per_interval(signing_key: SigningKey) -> None:
    idp, clock = FakeIdp([signing_key]), Clock()
    cache = JwksCache(idp.fetch, min_refresh=10, max_age=300, clock=clock)
    await cache.key(signing_key.kid)
    clock.now += 11
    for n in range(50):
        with pytest.raises(KeyNotFound):
            await cache.key(f"forged-{n}")
    assert idp.calls == 2


async def test_stale_keys_are_refetched_so_disabled_keys_stop_working(
    signing_key: SigningKey, other_key: SigningKey
) -> None:
    idp, clock = FakeIdp([signing_key, other_key]), Clock()
    cache = JwksCache(idp.fetch, min_refresh=10, max_age=300, clock=clock)
    await cache.key(signing_key.kid)
    idp.keys = [other_key]
    clock.now += 301
    with pytest.raises(KeyNotFound):
        await cache.key(signing_key.kid)


async def test_a_failing_refresh_keeps_the_known_keys(signing_key: SigningKey) -> None:
    idp, clock = FakeIdp([signing_key]), Clock()
    cache = JwksCache(idp.fetch, min_refresh=10, max_age=300, clock=clock)
    await cache.key(signing_key.kid)

    async def down() -> dict[str, object]:
        raise ConnectionError("keycloak is down")

    cache._fetch = down
    clock.now += 301
    assert (await cache.key(signing_key.kid)).key_id == signing_key.kid


async def test_encryption_keys_are_never_used_to_verify(signing_key: SigningKey) -> None:
    async def fetch() -> dict[str, object]:
        return {"keys": [{**signing_key.jwk(), "use": "enc"}]}

    with pytest.raises(KeyNotFound):
        await JwksCache(fetch, clock=Clock()).key(signing_key.kid)
