"""Previewed changes waiting for their confirmation, kept in Redis so any gateway replica
can confirm them, sealed so that Redis never holds anything usable.

Redis sees an opaque confirmation id and a ciphertext: the executor's single-use
confirmation token, the plan, the cluster and whose change it is are encrypted and
authenticated (AES-256-GCM) under a key only the gateways hold, bound to the conversation
and the confirmation id. Whoever reads Redis gets no token to confirm with; whoever writes
it cannot change what a confirm runs, nor move a pending change to another conversation
(the executor's own grant is MAC'd as well: kubechat_executor.confirm).
"""

from __future__ import annotations

import base64
import hashlib
import json
import logging
import os
import secrets
from typing import Any

import redis.asyncio as aioredis
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from kubechat.errors import PermissionDenied

log = logging.getLogger(__name__)

_NONCE_BYTES = 12


def pending_key(conversation_id: str) -> str:
    return f"kubechat:pending:{conversation_id}"


def seal_key(secret: str) -> bytes:
    """The AES-256 key for KUBECHAT_CONFIRMATION_SEAL_KEY; empty: a random key for this
    process (pending changes then end with it, and only this replica can confirm them)."""
    if not secret:
        return secrets.token_bytes(32)
    return hashlib.sha256(b"kubechat:pending:v1\0" + secret.encode()).digest()


class PendingStore:
    def __init__(self, redis: aioredis.Redis, key: bytes) -> None:
        self._redis = redis
        self._aead = AESGCM(key)

    @staticmethod
    def _bound_to(conversation_id: str, confirmation_id: str) -> bytes:
        return f"{conversation_id}\0{confirmation_id}".encode()

    async def put(
        self, conversation_id: str, confirmation_id: str, pending: dict[str, Any], ttl: int
    ) -> None:
        nonce = os.urandom(_NONCE_BYTES)
        sealed = self._aead.encrypt(
            nonce,
            json.dumps(pending).encode(),
            self._bound_to(conversation_id, confirmation_id),
        )
        record = {
            "confirmation_id": confirmation_id,
            "sealed": base64.b64encode(nonce + sealed).decode(),
        }
        await self._redis.set(pending_key(conversation_id), json.dumps(record), ex=ttl)

    async def get(self, conversation_id: str) -> dict[str, Any] | None:
        """The pending change of the conversation with its `confirmation_id`, None when
        there is none; refused when Redis holds something this gateway did not seal."""
        raw = await self._redis.get(pending_key(conversation_id))
        if not raw:
            return None
        try:
            record = json.loads(raw)
            confirmation_id = str(record["confirmation_id"])
            blob = base64.b64decode(record["sealed"])
            opened = self._aead.decrypt(
                blob[:_NONCE_BYTES],
                blob[_NONCE_BYTES:],
                self._bound_to(conversation_id, confirmation_id),
            )
            pending: dict[str, Any] = json.loads(opened)
        except (InvalidTag, ValueError, KeyError, TypeError):
            # Written by someone with Redis access, or sealed under another key.
            log.warning("refused a pending confirmation altered in storage")
            raise PermissionDenied(
                "this confirmation was altered after the preview and cannot be used",
                hint="ask again to get a fresh preview",
            ) from None
        pending["confirmation_id"] = confirmation_id
        return pending

    async def take(self, conversation_id: str) -> bool:
        """Remove it; True for the one caller that did (single use)."""
        return bool(await self._redis.delete(pending_key(conversation_id)))
