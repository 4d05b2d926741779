"""Single-use confirmation tokens, bound to (user, cluster, plan hash, expiry), in Redis.

Issued with SET NX + TTL and consumed with GETDEL, so any executor replica accepts a token
exactly once. Only a SHA-256 of the token is stored: a Redis dump does not hand out
confirmations. Approvals by a second user live beside the grant and are consumed with it.
"""

from __future__ import annotations

import hashlib
import json
import secrets
import time
from dataclasses import asdict, dataclass

from redis.asyncio import Redis

from kubechat.errors import FailedPrecondition, InvalidArgument, PermissionDenied

PREFIX = "kubechat:confirm:v1:"


@dataclass
class Grant:
    token_id: str
    user: str
    k8s_user: str
    cluster_id: str
    plan_hash: str
    expires_at: float
    type_name: bool = False
    expected_name: str = ""
    second_approver: bool = False
    rollback_on_failure: bool = False
    approver: str = ""


def token_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def check_binding(
    grant: Grant, *, user: str, k8s_user: str, cluster_id: str, plan_hash: str, now: float
) -> None:
    """Refuse a token used by someone else, on another cluster, for another plan, or late.
    Pure, so every refusal reason is unit-tested."""
    if grant.user != user or grant.k8s_user != k8s_user:
        raise PermissionDenied("this confirmation token was issued to another user")
    if grant.cluster_id != cluster_id:
        raise FailedPrecondition(
            f"this confirmation token is for cluster '{grant.cluster_id}', not '{cluster_id}'"
        )
    if grant.plan_hash != plan_hash:
        raise FailedPrecondition(
            "this confirmation token confirms a different plan; preview this plan again"
        )
    if now >= grant.expires_at:
        raise FailedPrecondition("this confirmation token has expired; preview the plan again")


def check_requirements(grant: Grant, typed_name: str) -> None:
    if grant.type_name and typed_name.strip() != grant.expected_name:
        raise FailedPrecondition(
            f"policy requires typing the name to confirm: type '{grant.expected_name}'"
        )
    if grant.second_approver and not grant.approver:
        raise FailedPrecondition(
            "policy requires a second person to approve this plan before it runs",
            hint="another user calls Approve with this confirmation token",
        )


class TokenStore:
    def __init__(self, redis: Redis) -> None:
        self._redis = redis

    async def issue(self, grant: Grant, ttl: int) -> str:
        token = secrets.token_urlsafe(32)
        grant.token_id = token_id(token)
        stored = await self._redis.set(
            PREFIX + grant.token_id, json.dumps(asdict(grant)), nx=True, ex=ttl
        )
        if not stored:  # a 256-bit collision: practically never, but never overwrite
            raise FailedPrecondition("could not issue a confirmation token; try again")
        return token

    async def _load(self, key: str) -> Grant | None:
        raw = await self._redis.get(key)
        return Grant(**json.loads(raw)) if raw else None

    async def approve(self, token: str, approver: str) -> Grant:
        if not token:
            raise InvalidArgument("approval needs the confirmation token")
        key = PREFIX + token_id(token)
        grant = await self._load(key)
        if grant is None or time.time() >= grant.expires_at:
            raise FailedPrecondition("no such confirmation: unknown, expired or already used")
        if approver == grant.user:
            raise PermissionDenied("the second approver must be someone other than the requester")
        grant.approver = approver
        ttl = max(1, int(grant.expires_at - time.time()))
        # XX: only while the grant still exists, so an approval cannot resurrect a used token.
        if not await self._redis.set(key, json.dumps(asdict(grant)), xx=True, ex=ttl):
            raise FailedPrecondition("the confirmation was used or expired meanwhile")
        return grant

    async def consume(
        self,
        token: str,
        *,
        user: str,
        k8s_user: str,
        cluster_id: str,
        plan_hash: str,
        typed_name: str,
    ) -> Grant:
        if not token:
            raise FailedPrecondition(
                "this plan changes the cluster; it needs a confirmation token from Preview"
            )
        key = PREFIX + token_id(token)
        grant = await self._load(key)
        if grant is None:
            raise FailedPrecondition(
                "the confirmation token is unknown, expired or already used; preview again"
            )
        check_binding(
            grant,
            user=user,
            k8s_user=k8s_user,
            cluster_id=cluster_id,
            plan_hash=plan_hash,
            now=time.time(),
        )
        check_requirements(grant, typed_name)
        # The atomic step: of two concurrent executions, exactly one gets the grant.
        raw = await self._redis.getdel(key)
        if raw is None:
            raise FailedPrecondition("the confirmation token was already used")
        final = Grant(**json.loads(raw))
        check_requirements(final, typed_name)
        return final
