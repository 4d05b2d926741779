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
    assert groups == ["kubechat:acme", "kubechat:ok"]


def test_claimed_groups_stay_within_the_prefix(make_claims: Claims) -> None:
    claims = make_claims(k8s_groups=["kubechat:operators", "payments-oncall"])
    groups = list(principal_from_claims(claims, KubernetesMapping()).k8s_groups)
    assert "kubechat:operators" in groups and "kubechat:payments-oncall" in groups
    oidc = principal_from_claims(claims, KubernetesMapping(group_prefix="oidc:")).k8s_groups
    assert {"oidc:kubechat:operators", "oidc:payments-oncall"} <= set(oidc)


@pytest.mark.parametrize(
    ("claims", "mapping"),
    [
        ({"k8s_groups": ["system:masters"]}, KubernetesMapping()),
        ({"preferred_username": "system:admin"}, KubernetesMapping()),
        # An empty prefix must not let a group path become a reserved name.
        ({"groups": ["/system:masters"], "k8s_groups": None}, KubernetesMapping(group_prefix="")),
        ({}, KubernetesMapping(user_prefix="system:")),
    ],
)
def test_reserved_kubernetes_names_from_the_idp_are_refused(
    make_claims: Claims, claims: dict[str, Any], mapping: KubernetesMapping
) -> None:
    with pytest.raises(PermissionDenied, match="system:"):
        principal_from_claims(make_claims(**claims), mapping)


def test_email_names_the_kubernetes_user_only_when_verified(make_claims: Claims) -> None:
    mapping = KubernetesMapping(user_prefix="oidc:", username_claim="email")
    verified = make_claims(email="alice@acme.example", email_verified=True)
    principal = principal_from_claims(verified, mapping)
    assert principal.k8s_user == "oidc:alice@acme.example"
    assert principal.user == "alice"
    for unverified in (False, None, "true"):
        claims = make_claims(email="bob@acme.example", email_verified=unverified)
        with pytest.raises(PermissionDenied, match="not verified"):
            principal_from_claims(claims, mapping)
