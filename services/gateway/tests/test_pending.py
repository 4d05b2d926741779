"""Previewed changes in Redis: an opaque id and a ciphertext. Reading Redis yields no
confirmation token; a record rewritten or moved to another conversation is refused."""

from __future__ import annotations

import base64
import json
from typing import Any

import pytest
from pydantic import SecretStr, ValidationError

from kubechat.errors import PermissionDenied
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.pending import PendingStore, pending_key, seal_key

TOKEN = "kct_secret-token-the-executor-issued"
PENDING = {"token": TOKEN, "plan": "cGxhbg==", "cluster": "default", "user": "bob"}


class FakeRedis:
    def __init__(self) -> None:
        self.values: dict[str, str] = {}

    async def set(self, key: str, value: str, ex: int | None = None) -> bool:
        self.values[key] = value
        return True

    async def get(self, key: str) -> str | None:
        return self.values.get(key)

    async def delete(self, key: str) -> int:
        return 1 if self.values.pop(key, None) is not None else 0


def store(redis: FakeRedis, secret: str = "s" * 32) -> PendingStore:
    return PendingStore(redis, seal_key(secret))  # type: ignore[arg-type]


async def test_redis_holds_an_opaque_id_and_no_token() -> None:
    redis = FakeRedis()
    await store(redis).put("c1", "id1", dict(PENDING), ttl=60)
    raw = redis.values[pending_key("c1")]
    assert set(json.loads(raw)) == {"confirmation_id", "sealed"}
    assert TOKEN not in raw and "bob" not in raw and "cGxhbg" not in raw
    opened = await store(redis).get("c1")
    assert opened == {**PENDING, "confirmation_id": "id1"}
    assert await store(redis).take("c1") and not await store(redis).take("c1")


def _rewrite(redis: FakeRedis, key: str, change: Any) -> None:
    record = json.loads(redis.values[key])
    change(record)
    redis.values[key] = json.dumps(record)


async def test_a_rewritten_or_moved_record_is_refused() -> None:
    redis = FakeRedis()
    await store(redis).put("c1", "id1", dict(PENDING), ttl=60)

    def flip(record: dict[str, str]) -> None:
        blob = bytearray(base64.b64decode(record["sealed"]))
        blob[-1] ^= 1
        record["sealed"] = base64.b64encode(bytes(blob)).decode()

    _rewrite(redis, pending_key("c1"), flip)
    with pytest.raises(PermissionDenied, match="altered"):
        await store(redis).get("c1")

    await store(redis).put("c1", "id1", dict(PENDING), ttl=60)
    redis.values[pending_key("c2")] = redis.values[pending_key("c1")]  # another conversation
    with pytest.raises(PermissionDenied):
        await store(redis).get("c2")
    _rewrite(redis, pending_key("c1"), lambda r: r.update(confirmation_id="id2"))
    with pytest.raises(PermissionDenied):
        await store(redis).get("c1")


async def test_a_record_sealed_under_another_key_is_refused() -> None:
    redis = FakeRedis()
    await store(redis, "another gateway's key, 32 chars!").put("c1", "id1", dict(PENDING), 60)
    with pytest.raises(PermissionDenied):
        await store(redis).get("c1")


def test_production_needs_a_shared_seal_key() -> None:
    with pytest.raises(ValidationError, match="KUBECHAT_CONFIRMATION_SEAL_KEY"):
        GatewaySettings(environment="production", auth_mode="oidc")
    with pytest.raises(ValidationError, match="at least 32"):
        GatewaySettings(
            environment="production", auth_mode="oidc", confirmation_seal_key=SecretStr("short1")
        )
    # Without one, dev seals with a key of its own process: never a fixed, known key.
    assert seal_key("") != seal_key("")
