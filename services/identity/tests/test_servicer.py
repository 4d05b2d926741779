from __future__ import annotations

import pytest

from kubechat.errors import PermissionDenied, Unauthenticated
from kubechat.v1 import common_pb2, identity_pb2
from kubechat_identity.mapping import KubernetesMapping
from kubechat_identity.servicer import IdentityServicer
from kubechat_identity.users import require_tenant_admin


async def test_missing_token_is_refused_with_a_specific_reason() -> None:
    servicer = IdentityServicer(None, KubernetesMapping(), None)
    with pytest.raises(Unauthenticated, match="no bearer token"):
        await servicer.ValidateToken(identity_pb2.ValidateTokenRequest(), None)  # type: ignore[arg-type]


async def test_without_an_issuer_no_token_is_accepted() -> None:
    servicer = IdentityServicer(None, KubernetesMapping(), None)
    with pytest.raises(Unauthenticated, match="KUBECHAT_OIDC_ISSUER"):
        await servicer.ValidateToken(
            identity_pb2.ValidateTokenRequest(token="eyJ.fake.token"),
            None,  # type: ignore[arg-type]
        )


@pytest.mark.parametrize(
    "caller",
    [
        common_pb2.Principal(user="bob", tenant="acme", roles=["viewer", "operator"]),
        common_pb2.Principal(user="root", tenant="", roles=["admin"]),
    ],
)
def test_only_tenant_admins_administer_users(caller: common_pb2.Principal) -> None:
    with pytest.raises(PermissionDenied):
        require_tenant_admin(caller)
