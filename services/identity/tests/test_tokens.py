from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import jwt
import pytest

from kubechat.errors import Unauthenticated
from kubechat_identity.jwks import JwksCache
from kubechat_identity.tokens import TokenValidator

from .conftest import AUDIENCE, ISSUER, FakeIdp, SigningKey

Claims = Callable[..., dict[str, Any]]


def validator(idp: FakeIdp, leeway: float = 0) -> TokenValidator:
    return TokenValidator(ISSUER, AUDIENCE, JwksCache(idp.fetch, min_refresh=0), leeway=leeway)


async def test_a_valid_token_yields_its_claims(
    signing_key: SigningKey, make_claims: Claims
) -> None:
    claims = await validator(FakeIdp([signing_key])).validate(signing_key.sign(make_claims()))
    assert claims["preferred_username"] == "alice"


@pytest.mark.parametrize(
    ("overrides", "reason"),
    [
        ({"exp": int(time.time()) - 60}, "expired"),
        ({"nbf": int(time.time()) + 600}, "not_yet_valid"),
        ({"iat": int(time.time()) + 600}, "not_yet_valid"),
        ({"aud": "another-api"}, "wrong_audience"),
        ({"iss": "http://127.0.0.1:8180/realms/master"}, "wrong_issuer"),
        ({"sub": None}, "missing_claim"),
    ],
)
async def test_claims_are_checked_with_a_specific_reason(
    signing_key: SigningKey, make_claims: Claims, overrides: dict[str, Any], reason: str
) -> None:
    with pytest.raises(Unauthenticated, match=f"^{reason}:"):
        await validator(FakeIdp([signing_key])).validate(signing_key.sign(make_claims(**overrides)))


async def test_leeway_tolerates_small_clock_skew(
    signing_key: SigningKey, make_claims: Claims
) -> None:
    token = signing_key.sign(make_claims(exp=int(time.time()) - 2))
    assert await validator(FakeIdp([signing_key]), leeway=30).validate(token)


async def test_a_token_signed_by_another_key_under_a_known_kid_is_refused(
    signing_key: SigningKey, other_key: SigningKey, make_claims: Claims
) -> None:
    forged = other_key.sign(make_claims(), kid=signing_key.kid)
    with pytest.raises(Unauthenticated, match="^bad_signature:"):
        await validator(FakeIdp([signing_key])).validate(forged)


async def test_a_token_signed_by_an_unpublished_key_is_refused(
    signing_key: SigningKey, other_key: SigningKey, make_claims: Claims
) -> None:
    with pytest.raises(Unauthenticated, match="^unknown_key:"):
        await validator(FakeIdp([signing_key])).validate(other_key.sign(make_claims()))


@pytest.mark.parametrize("token", ["", "not-a-jwt", "a.b.c", "eyJhbGciOiJSUzI1NiJ9.e30"])
async def test_malformed_tokens_are_refused(signing_key: SigningKey, token: str) -> None:
    with pytest.raises(Unauthenticated, match="^malformed:"):
        await validator(FakeIdp([signing_key])).validate(token)


async def test_symmetric_and_unsigned_tokens_are_refused(
    signing_key: SigningKey, make_claims: Claims
) -> None:
    hs256 = jwt.encode(make_claims(), "k" * 32, algorithm="HS256", headers={"kid": "key-1"})
    unsigned = jwt.encode(make_claims(), "", algorithm="none")
    for token in (hs256, unsigned):
        with pytest.raises(Unauthenticated, match="^unsupported_algorithm:"):
            await validator(FakeIdp([signing_key])).validate(token)
