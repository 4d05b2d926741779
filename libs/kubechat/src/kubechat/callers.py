"""Caller assertions: the gateway's signed word for who a request acts for.

Internal services never take a principal from a request body. The gateway, once it has
validated a user, signs a short-lived Ed25519 JWT (`iss` the gateway, `aud` the service
the call goes to, the Principal in a `principal` claim, a `jti`) and sends it as gRPC
metadata; every other service holds only the public key, so none of them can mint one.

Rotation: verifiers read every public key in their PEM file and pick one by the token's
`kid` (a fingerprint of the key), so a new key is published to them first, the gateway
switches to it, and the old one is removed once no assertion signed with it can be alive.

Both ends cache (bounded): the gateway reuses an assertion for the same principal and
audience for half its lifetime, and a verifier remembers a token it has checked until it
expires. Ed25519 costs ~0.1 ms per verify on a small machine and an ask crosses three
checks; with the caches a steady stream of asks pays for crypto twice a minute per user.

The lifetime is a minute at most and never past the user's own token: long enough for a
slow plan's stream, short enough that a leaked assertion is worth little, and the
network position needed to replay one is already closed by mutual TLS.
"""

from __future__ import annotations

import contextvars
import hashlib
import re
import secrets
import time
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import jwt
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from google.protobuf import json_format

from kubechat.errors import Unauthenticated
from kubechat.v1 import common_pb2

# gRPC metadata keys are lowercase; the `-bin` suffix is not used because a JWT is ASCII.
ASSERTION_HEADER = "x-kubechat-caller"
ISSUER = "kubechat-gateway"
LIFETIME_SECONDS = 60.0
ALGORITHM = "EdDSA"
CACHE_ENTRIES = 10_000


def principal_claims(principal: common_pb2.Principal) -> dict[str, Any]:
    claims: dict[str, Any] = json_format.MessageToDict(principal, preserving_proto_field_name=True)
    return claims


def principal_from_claims(claims: Any) -> common_pb2.Principal:
    if not isinstance(claims, dict):
        raise Unauthenticated("caller assertion: the principal claim is not an object")
    principal = common_pb2.Principal()
    try:
        json_format.ParseDict(claims, principal)
    except json_format.ParseError as exc:
        raise Unauthenticated(
            f"caller assertion: the principal claim is malformed ({exc})"
        ) from None
    return principal


def load_private_key(path: str | Path) -> Ed25519PrivateKey:
    key = serialization.load_pem_private_key(Path(path).read_bytes(), password=None)
    if not isinstance(key, Ed25519PrivateKey):
        raise ValueError(f"{path} is not an Ed25519 private key")
    return key


_PEM_BLOCK = re.compile(rb"-----BEGIN PUBLIC KEY-----.+?-----END PUBLIC KEY-----", re.S)


def load_public_keys(path: str | Path) -> list[Ed25519PublicKey]:
    """Every Ed25519 public key in a PEM file (two while a rotation is under way)."""
    keys = []
    for block in _PEM_BLOCK.findall(Path(path).read_bytes()):
        key = serialization.load_pem_public_key(block)
        if not isinstance(key, Ed25519PublicKey):
            raise ValueError(f"{path} holds a key that is not Ed25519")
        keys.append(key)
    if not keys:
        raise ValueError(f"{path} holds no PEM public key")
    return keys


def key_id(key: Ed25519PublicKey) -> str:
    raw = key.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


class CallerSigner:
    """Mints assertions. Only the gateway (and test harnesses acting as it) holds the key."""

    def __init__(
        self,
        private_key: Ed25519PrivateKey,
        *,
        lifetime: float = LIFETIME_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._key = private_key
        self._kid = key_id(private_key.public_key())
        self._lifetime = lifetime
        self._clock = clock
        self._reuse: OrderedDict[tuple[bytes, tuple[str, ...]], tuple[str, float]] = OrderedDict()

    def sign(self, principal: common_pb2.Principal, audience: Sequence[str]) -> str:
        """An assertion for `principal` at `audience`: a recent one for the same pair when
        it has at least half its lifetime left, else a new one."""
        key = (principal.SerializeToString(deterministic=True), tuple(audience))
        now = self._clock()
        cached = self._reuse.get(key)
        if cached is not None and now < cached[1]:
            return cached[0]
        token, expires = self._mint(principal, audience, now)
        self._reuse[key] = (token, now + (expires - now) / 2)
        self._reuse.move_to_end(key)
        while len(self._reuse) > CACHE_ENTRIES:
            self._reuse.popitem(last=False)
        return token

    def _mint(
        self, principal: common_pb2.Principal, audience: Sequence[str], now: float
    ) -> tuple[str, float]:
        expires = now + self._lifetime
        if principal.HasField("expires_at") and principal.expires_at.seconds:
            # Never vouch for a user past the moment their own token stops being valid.
            expires = min(expires, float(principal.expires_at.seconds))
        claims = {
            "iss": ISSUER,
            "aud": list(audience),
            "sub": principal.subject or principal.user,
            "iat": int(now),
            "exp": int(expires),
            "jti": secrets.token_urlsafe(12),
            "principal": principal_claims(principal),
        }
        token = jwt.encode(claims, self._key, algorithm=ALGORITHM, headers={"kid": self._kid})
        return token, float(int(expires))


@dataclass(frozen=True)
class VerifiedCaller:
    """An assertion whose signature, issuer, audience and expiry all checked out."""

    principal: common_pb2.Principal
    assertion: str  # the raw token, forwarded unchanged when this service calls on
    jti: str
    audience: tuple[str, ...]


class CallerVerifier:
    """Checks assertions addressed to one service (`audience`)."""

    def __init__(
        self,
        public_keys: Ed25519PublicKey | Sequence[Ed25519PublicKey],
        audience: str,
        *,
        leeway: float = 5.0,
        clock: Callable[[], float] = time.time,
    ) -> None:
        keys = [public_keys] if isinstance(public_keys, Ed25519PublicKey) else public_keys
        self._keys = {key_id(k): k for k in keys}
        self._audience = audience
        self._leeway = leeway
        self._clock = clock
        self._verified: OrderedDict[str, tuple[VerifiedCaller, float]] = OrderedDict()

    @property
    def audience(self) -> str:
        return self._audience

    def verify(self, assertion: str) -> VerifiedCaller:
        # The exact string was checked before (signature included): only time can change.
        cached = self._verified.get(assertion)
        if cached is not None:
            if self._clock() < cached[1] + self._leeway:
                return cached[0]
            del self._verified[assertion]
        caller, expires = self._verify(assertion)
        self._verified[assertion] = (caller, expires)
        while len(self._verified) > CACHE_ENTRIES:
            self._verified.popitem(last=False)
        return caller

    def _verify(self, assertion: str) -> tuple[VerifiedCaller, float]:
        try:
            kid = jwt.get_unverified_header(assertion).get("kid")
        except jwt.PyJWTError as exc:
            raise Unauthenticated(f"caller assertion refused: {exc}") from None
        key = self._keys.get(kid) if isinstance(kid, str) else None
        if key is None:
            raise Unauthenticated(
                "caller assertion refused: signed by a key this service does not trust"
            )
        try:
            claims = jwt.decode(
                assertion,
                key,
                algorithms=[ALGORITHM],
                audience=self._audience,
                issuer=ISSUER,
                leeway=self._leeway,
                # Expiry is checked below against this verifier's clock, the one its cache
                # uses too.
                options={
                    "require": ["exp", "iat", "iss", "aud", "jti", "sub"],
                    "verify_exp": False,
                },
            )
        except jwt.ExpiredSignatureError:
            raise Unauthenticated("caller assertion expired") from None
        except jwt.InvalidAudienceError:
            raise Unauthenticated(
                f"caller assertion is not addressed to the {self._audience} service"
            ) from None
        except jwt.PyJWTError as exc:
            raise Unauthenticated(f"caller assertion refused: {exc}") from None
        if (
            not isinstance(claims["exp"], int | float)
            or self._clock() >= claims["exp"] + self._leeway
        ):
            raise Unauthenticated("caller assertion expired")
        audience = claims["aud"]
        caller = VerifiedCaller(
            principal=principal_from_claims(claims.get("principal")),
            assertion=assertion,
            jti=str(claims["jti"]),
            audience=tuple(audience) if isinstance(audience, list) else (str(audience),),
        )
        return caller, float(claims["exp"])


# The verified caller of the call being served, set by the server interceptor. A
# contextvar, so tasks the handler starts see it and concurrent calls never share it.
_current_caller: contextvars.ContextVar[VerifiedCaller | None] = contextvars.ContextVar(
    "kubechat_current_caller", default=None
)


def current_caller() -> VerifiedCaller | None:
    """Who the call being served acts for, as the gateway's assertion proved it."""
    return _current_caller.get()


def set_current_caller(caller: VerifiedCaller | None) -> contextvars.Token[VerifiedCaller | None]:
    return _current_caller.set(caller)


def reset_current_caller(token: contextvars.Token[VerifiedCaller | None]) -> None:
    _current_caller.reset(token)
