from __future__ import annotations

import pytest

from kubechat.errors import Unauthenticated
from kubechat.v1 import identity_pb2
from kubechat_identity.servicer import IdentityServicer


async def test_missing_token_is_refused_with_a_specific_reason() -> None:
    servicer = IdentityServicer(issuer="")
    with pytest.raises(Unauthenticated, match="no bearer token"):
        await servicer.ValidateToken(identity_pb2.ValidateTokenRequest(), None)  # type: ignore[arg-type]


async def test_without_an_issuer_no_token_is_accepted() -> None:
    servicer = IdentityServicer(issuer="")
    with pytest.raises(Unauthenticated, match="KUBECHAT_OIDC_ISSUER"):
        await servicer.ValidateToken(
            identity_pb2.ValidateTokenRequest(token="eyJ.fake.token"),
            None,  # type: ignore[arg-type]
        )
