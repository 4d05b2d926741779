"""Locally generated signing keys and a fake JWKS endpoint: unit tests, no network."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import rsa

ISSUER = "http://127.0.0.1:8180/realms/kubechat"
AUDIENCE = "kubechat-api"


@dataclass
class SigningKey:
    kid: str
    private: rsa.RSAPrivateKey = field(
        default_factory=lambda: rsa.generate_private_key(public_exponent=65537, key_size=2048)
    )

    def jwk(self) -> dict[str, Any]:
        public: dict[str, Any] = json.loads(
            jwt.algorithms.RSAAlgorithm.to_jwk(self.private.public_key())
        )
        return {**public, "kid": self.kid, "use": "sig", "alg": "RS256"}

    def sign(self, claims: dict[str, Any], *, kid: str | None = None) -> str:
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": kid or self.kid})


@dataclass
class FakeIdp:
    """What Keycloak's certs endpoint would serve; counts how often it is asked."""

    keys: list[SigningKey]
    calls: int = 0

    async def fetch(self) -> dict[str, Any]:
        self.calls += 1
        return {"keys": [k.jwk() for k in self.keys]}


def claims(**overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    base: dict[str, Any] = {
        "iss": ISSUER,
        "aud": AUDIENCE,
        "sub": "1f7f79bb-5004-4e98-a243-d781d673a39f",
        "iat": now,
        "exp": now + 300,
        "preferred_username": "alice",
        "email": "alice@acme.example",
        "tenant": "acme",
        "groups": ["/acme", "/acme/viewers"],
        "k8s_groups": ["kubechat:viewers-dev"],
        "realm_access": {"roles": ["viewer", "offline_access"]},
    }
    base.update(overrides)
    return {k: v for k, v in base.items() if v is not None}


@pytest.fixture(scope="session")
def signing_key() -> SigningKey:
    return SigningKey("key-1")


@pytest.fixture(scope="session")
def other_key() -> SigningKey:
    return SigningKey("key-2")


@pytest.fixture
def make_claims() -> Callable[..., dict[str, Any]]:
    return claims
