from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

from kubechat.errors import PermissionDenied, Unauthenticated
from kubechat_identity.mapping import KubernetesMapping, principal_from_claims

Claims = Callable[..., dict[str, Any]]


def test_the_default_rule_matches_the_test_bed_personas(make_claims: Claims) -> None:
    principal = principal_from_claims(make_claims(), KubernetesMapping())
    assert principal.user == "alice"
    assert principal.tenant == "acme"
    assert list(principal.roles) == ["viewer"]  # offline_access is not a KubeChat role
    assert principal.k8s_user == "alice"  # bound by name in the test bed
    assert list(principal.k8s_groups) == [
        "kubechat:acme",
        "kubechat:acme:viewers",
        "kubechat:viewers-dev",
    ]
    assert principal.subject == "1f7f79bb-5004-4e98-a243-d781d673a39f"
    assert principal.expires_at.seconds == make_claims()["exp"]


def test_prefixes_are_configurable(make_claims: Claims) -> None:
    mapping = KubernetesMapping(user_prefix="oidc:", group_prefix="oidc:")
    principal = principal_from_claims(make_claims(k8s_groups=None), mapping)
    assert principal.k8s_user == "oidc:alice"
    assert list(principal.k8s_groups) == ["oidc:acme", "oidc:acme:viewers"]


def test_roles_keep_a_stable_order(make_claims: Claims) -> None:
    claims = make_claims(realm_access={"roles": ["operator", "admin", "viewer", "uma"]})
    assert list(principal_from_claims(claims, KubernetesMapping()).roles) == [
        "viewer",
        "operator",
        "admin",
    ]


def test_a_user_without_a_tenant_may_do_nothing(make_claims: Claims) -> None:
    with pytest.raises(PermissionDenied, match="no tenant"):
        principal_from_claims(make_claims(tenant=None), KubernetesMapping())


@pytest.mark.parametrize("username", [None, "", "ali\nce", 42])
def test_a_token_without_a_usable_username_is_refused(
    make_claims: Claims, username: object
) -> None:
    with pytest.raises(Unauthenticated, match="preferred_username"):
        principal_from_claims(make_claims(preferred_username=username), KubernetesMapping())


def test_group_names_that_cannot_be_header_values_are_dropped(make_claims: Claims) -> None:
    claims = make_claims(groups=["/acme", "/acme/evil\r\nX-Injected: 1"], k8s_groups=["ok", "\x00"])
    groups = list(principal_from_claims(claims, KubernetesMapping()).k8s_groups)
    assert groups == ["kubechat:acme", "ok"]
