"""Confirmation grants in Redis are MAC'd: whoever can write Redis still cannot change
what a confirmation runs, who may use it, or approve it."""

from __future__ import annotations

import json
import time
from typing import Any

import pytest

from kubechat.errors import FailedPrecondition, PermissionDenied
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.confirm import PREFIX, Grant, GrantSealer, TokenStore, grant_key, token_id
from kubechat_executor.crypto import dev_key

KEY = grant_key("an executor secret")


class FakeRedis:
    """The four commands TokenStore uses, with their NX/XX semantics (no expiry)."""

    def __init__(self) -> None:
        self.data: dict[str, bytes] = {}

    async def set(
        self, key: str, value: str, *, nx: bool = False, xx: bool = False, ex: int = 0
    ) -> bool:
        if (nx and key in self.data) or (xx and key not in self.data):
            return False
        self.data[key] = value.encode()
        return True

    async def get(self, key: str) -> bytes | None:
        return self.data.get(key)

    async def getdel(self, key: str) -> bytes | None:
        return self.data.pop(key, None)


def grant(**overrides: Any) -> Grant:
    fields: dict[str, Any] = {
        "token_id": "",
        "user": "bob",
        "k8s_user": "bob",
        "cluster_id": "c-1",
        "plan_hash": "hash-of-configmap-a",
        "expires_at": time.time() + 300,
    }
    fields.update(overrides)
    return Grant(**fields)


async def issued(redis: FakeRedis, **overrides: Any) -> tuple[TokenStore, str]:
    store = TokenStore(redis, GrantSealer(KEY))  # type: ignore[arg-type]
    return store, await store.issue(grant(**overrides), ttl=300)


async def consume(store: TokenStore, token: str, plan_hash: str = "hash-of-configmap-a") -> Grant:
    return await store.consume(
        token, user="bob", k8s_user="bob", cluster_id="c-1", plan_hash=plan_hash, typed_name=""
    )


def rewrite(redis: FakeRedis, token: str, **changes: Any) -> None:
    """What an attacker with Redis write access does: edit the stored grant in place."""
    key = PREFIX + token_id(token)
    stored = json.loads(redis.data[key])
    stored["grant"].update(changes)
    redis.data[key] = json.dumps(stored).encode()


async def test_an_intact_grant_is_consumed_once() -> None:
    redis = FakeRedis()
    store, token = await issued(redis)
    assert (await consume(store, token)).plan_hash == "hash-of-configmap-a"
    with pytest.raises(FailedPrecondition, match="already used|unknown"):
        await consume(store, token)


@pytest.mark.parametrize(
    "changes",
    [
        {"plan_hash": "hash-of-configmap-b"},
        {"user": "mallory", "k8s_user": "mallory"},
        {"cluster_id": "c-2"},
        {"expires_at": time.time() + 10**6},
        {"type_name": False, "second_approver": False},
        {"approver": "mallory"},
    ],
)
async def test_a_grant_rewritten_in_redis_is_refused(changes: dict[str, Any]) -> None:
    redis = FakeRedis()
    store, token = await issued(redis, second_approver=True, type_name=True, expected_name="a")
    rewrite(redis, token, **changes)
    plan_hash = changes.get("plan_hash", "hash-of-configmap-a")
    with pytest.raises(PermissionDenied, match="altered after the preview"):
        await consume(store, token, plan_hash)


async def test_a_grant_copied_under_another_token_is_refused() -> None:
    redis = FakeRedis()
    store, mine = await issued(redis)
    _, other = await issued(redis, plan_hash="hash-of-configmap-b")
    redis.data[PREFIX + token_id(mine)] = redis.data[PREFIX + token_id(other)]
    with pytest.raises(PermissionDenied, match="altered"):
        await consume(store, mine, "hash-of-configmap-b")


async def test_a_grant_signed_with_another_key_is_refused() -> None:
    redis = FakeRedis()
    _, token = await issued(redis)
    elsewhere = TokenStore(redis, GrantSealer(grant_key("another secret")))  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        await consume(elsewhere, token)


async def test_an_approval_is_sealed_by_the_executor_and_then_accepted() -> None:
    redis = FakeRedis()
    store, token = await issued(redis, second_approver=True)
    await store.approve(token, "carol")
    assert (await consume(store, token)).approver == "carol"


async def test_garbage_in_place_of_a_grant_is_refused_not_a_crash() -> None:
    redis = FakeRedis()
    store, token = await issued(redis)
    redis.data[PREFIX + token_id(token)] = b'{"user": "bob"}'
    with pytest.raises(PermissionDenied):
        await consume(store, token)


def test_the_published_dev_key_never_signs_grants() -> None:
    dev = ExecutorSettings(encryption_key=dev_key())
    assert dev.grant_mac_key() != grant_key(dev_key())
    assert dev.grant_mac_key() != dev.grant_mac_key()  # random per process
    real = ExecutorSettings(confirmation_key="k" * 40)  # type: ignore[arg-type]
    assert real.grant_mac_key() == real.grant_mac_key() == grant_key("k" * 40)
