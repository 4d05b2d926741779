"""Access-token validation: signature (JWKS), issuer, audience, exp, nbf, iat.

Each rejection is `Unauthenticated` whose message starts with a stable reason word
(`malformed`, `wrong_issuer`, `unsupported_algorithm`, `unknown_key`, `bad_signature`,
`expired`, `not_yet_valid`, `wrong_audience`, `missing_claim`), so callers and tests can
tell the cases apart and a user is told what to do about it.
"""

from __future__ import annotations

import base64
import binascii
import json
from datetime import UTC, datetime
from typing import Any

import jwt

from kubechat.errors import Unauthenticated, Unavailable
from kubechat_identity.jwks import JwksCache, KeyNotFound

# Asymmetric algorithms only: an HS256 token "signed" with a public key, or alg=none,
# must never pass.
ALLOWED_ALGORITHMS = ("RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384")
REQUIRED_CLAIMS = ("exp", "iat", "iss", "sub", "aud")


def _reject(reason: str, detail: str) -> Unauthenticated:
    return Unauthenticated(f"{reason}: {detail}", hint="sign in again to get a fresh token")


def _when(seconds: Any) -> str:
    try:
        return datetime.fromtimestamp(float(seconds), UTC).isoformat(timespec="seconds")
    except (TypeError, ValueError, OverflowError):
        return str(seconds)


def _segment(segment: str) -> Any:
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


def _peek(token: str) -> tuple[dict[str, Any], dict[str, Any]]:
    """Header and claims, unverified, only to choose the key and to name a problem.

    A plain base64 decode rather than PyJWT's: PyJWT checks every character of every
    segment in Python, and parsing the token three times made that most of the cost of a
    validation. The one verifying decode below stays strict.
    """
    parts = token.split(".")
    try:
        if len(parts) != 3:
            raise ValueError(f"{len(parts)} segments, a signed JWT has 3")
        header, claims = _segment(parts[0]), _segment(parts[1])
    except (ValueError, binascii.Error) as exc:  # JSONDecodeError and UnicodeError included
        raise _reject("malformed", f"not a signed JWT ({exc})") from None
    if not isinstance(header, dict) or not isinstance(claims, dict):
        raise _reject("malformed", "the token header and payload must be JSON objects")
    return header, claims


class TokenValidator:
    def __init__(self, issuer: str, audience: str, jwks: JwksCache, leeway: float = 5.0) -> None:
        self.issuer = issuer.rstrip("/")
        self.audience = audience
        self.jwks = jwks
        self.leeway = leeway

    async def validate(self, token: str) -> dict[str, Any]:
        """The token's verified claims, or Unauthenticated with the reason."""
        if not token:
            raise _reject("malformed", "no bearer token was presented")
        header, unverified = _peek(token)
        # Checked before the signature only to name the problem: a token of another realm
        # is signed by a key we never fetch, and "unknown key" would hide the real mistake.
        issuer = str(unverified.get("iss", "")).rstrip("/")
        if issuer != self.issuer:
            raise _reject("wrong_issuer", f"issued by {issuer or 'nobody'}, expected {self.issuer}")
        algorithm = header.get("alg")
        if algorithm not in ALLOWED_ALGORITHMS:
            raise _reject("unsupported_algorithm", f"alg {algorithm!r} is not accepted")
        kid = header.get("kid")
        if not isinstance(kid, str) or not kid:
            raise _reject("malformed", "the token header names no signing key (kid)")
        try:
            key = await self.jwks.key(kid)
        except KeyNotFound:
            raise _reject("unknown_key", f"no signing key {kid!r} in the realm's JWKS") from None
        except Exception as exc:  # noqa: BLE001 - any fetch failure: the IdP is unreachable
            raise Unavailable(f"cannot fetch the signing keys of {self.issuer}: {exc}") from None
        try:
            return jwt.decode(
                token,
                key=key,
                algorithms=[algorithm],
                audience=self.audience,
                issuer=self.issuer,
                leeway=self.leeway,
                options={"require": list(REQUIRED_CLAIMS)},
            )
        except jwt.InvalidSignatureError:
            raise _reject("bad_signature", f"signature does not verify with key {kid!r}") from None
        except jwt.ExpiredSignatureError:
            raise _reject("expired", f"expired at {_when(unverified.get('exp'))}") from None
        except jwt.ImmatureSignatureError:
            when = unverified.get("nbf", unverified.get("iat"))
            raise _reject("not_yet_valid", f"not valid before {_when(when)}") from None
        except jwt.InvalidAudienceError:
            raise _reject(
                "wrong_audience",
                f"audience {unverified.get('aud')!r} does not include {self.audience!r}",
            ) from None
        except jwt.MissingRequiredClaimError as exc:
            raise _reject("missing_claim", f"the token has no {exc.claim!r} claim") from None
        except jwt.InvalidTokenError as exc:
            raise _reject("malformed", str(exc)) from None
