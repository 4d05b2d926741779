"""Single-use confirmation tokens, bound to (user, cluster, plan hash, expiry), in Redis.

Issued with SET NX + TTL and consumed with GETDEL, so any executor replica accepts a token
exactly once. Only a SHA-256 of the token is stored: a Redis dump does not hand out
confirmations. Approvals by a second user live beside the grant and are consumed with it.

Redis is shared and cannot be trusted with what a confirm runs: every stored grant carries
an HMAC-SHA256 under a key only the executor holds (derived from its encryption key), over
every field, the token id and so the key it is stored under. A grant rewritten in Redis
(another plan hash, user, cluster, expiry, a forged approval, or a grant copied under
another token) fails the check and is refused; a plan rewritten beside it no longer matches
the plan hash it binds.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import logging
import secrets
import time
from dataclasses import asdict, dataclass, field
from typing import Any

from redis.asyncio import Redis

from kubechat.errors import FailedPrecondition, InvalidArgument, PermissionDenied

log = logging.getLogger(__name__)

PREFIX = "kubechat:confirm:v1:"
_KEY_PURPOSE = b"kubechat-executor confirmation grants v1"


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
    # Per operation index: the [namespace, name, uid, resourceVersion] of every object a
    # selector chose in the preview; the confirm deletes those and nothing else (pins.py).
    pinned: dict[str, list[list[str]]] = field(default_factory=dict)


def token_id(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def grant_key(secret: str) -> bytes:
    """The MAC key for grants, derived from the executor's own secret (its encryption
    key) for this one purpose, so the secret itself never signs anything."""
    return hmac.new(secret.encode(), _KEY_PURPOSE, hashlib.sha256).digest()


class GrantSealer:
    """Turns a grant into the bytes stored in Redis and back, refusing altered bytes."""

    def __init__(self, key: bytes) -> None:
        if len(key) < 32:
            raise ValueError("the grant MAC key must be at least 32 bytes")
        self._key = key

    def _mac(self, fields: dict[str, Any]) -> str:
        canonical = json.dumps(fields, sort_keys=True, separators=(",", ":"))
        return hmac.new(self._key, canonical.encode(), hashlib.sha256).hexdigest()

    def seal(self, grant: Grant) -> str:
        fields = asdict(grant)
        return json.dumps({"grant": fields, "mac": self._mac(fields)})

    def open(self, raw: bytes | str, expected_token_id: str) -> Grant:
        try:
            stored = json.loads(raw)
            fields, mac = stored["grant"], stored["mac"]
            intact = isinstance(mac, str) and hmac.compare_digest(mac, self._mac(fields))
            grant = Grant(**fields) if intact else None
        except (ValueError, KeyError, TypeError):
            grant = None
        if grant is None or grant.token_id != expected_token_id:
            # Someone with write access to Redis changed it: worth an operator's attention.
            log.warning("refused a confirmation grant altered in storage")
            raise PermissionDenied(
                "this confirmation was altered after the preview and cannot be used",
                hint="preview the plan again to get a fresh confirmation",
            )
        return grant


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
    def __init__(self, redis: Redis, sealer: GrantSealer) -> None:
        self._redis = redis
        self._sealer = sealer

    async def issue(self, grant: Grant, ttl: int) -> str:
        token = secrets.token_urlsafe(32)
        grant.token_id = token_id(token)
        stored = await self._redis.set(
            PREFIX + grant.token_id, self._sealer.seal(grant), nx=True, ex=ttl
        )
        if not stored:  # a 256-bit collision: practically never, but never overwrite
            raise FailedPrecondition("could not issue a confirmation token; try again")
        return token

    async def _load(self, token: str) -> Grant | None:
        raw = await self._redis.get(PREFIX + token_id(token))
        return self._sealer.open(raw, token_id(token)) if raw else None

    async def approve(self, token: str, approver: str) -> Grant:
        if not token:
            raise InvalidArgument("approval needs the confirmation token")
        key = PREFIX + token_id(token)
        grant = await self._load(token)
        if grant is None or time.time() >= grant.expires_at:
            raise FailedPrecondition("no such confirmation: unknown, expired or already used")
        if approver == grant.user:
            raise PermissionDenied("the second approver must be someone other than the requester")
        grant.approver = approver
        ttl = max(1, int(grant.expires_at - time.time()))
        # XX: only while the grant still exists, so an approval cannot resurrect a used token.
        if not await self._redis.set(key, self._sealer.seal(grant), xx=True, ex=ttl):
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
        grant = await self._load(token)
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
        # What was deleted is what runs: checked again, in case it changed since the read.
        final = self._sealer.open(raw, grant.token_id)
        check_binding(
            final,
            user=user,
            k8s_user=k8s_user,
            cluster_id=cluster_id,
            plan_hash=plan_hash,
            now=time.time(),
        )
        check_requirements(final, typed_name)
        return final
