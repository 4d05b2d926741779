from __future__ import annotations

import pytest

from kubechat.errors import PermissionDenied, Unauthenticated
from kubechat.v1 import common_pb2
from kubechat_gateway.auth import PrincipalCache, authorize_plan, bearer_token, require_role


class Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def principal(*roles: str, expires: int = 2_000_000) -> common_pb2.Principal:
    p = common_pb2.Principal(user="alice", tenant="acme", roles=list(roles))
    p.expires_at.FromSeconds(expires)
    return p


@pytest.mark.parametrize("header", [None, "", "Basic dXNlcjpwdw==", "Bearer", "Bearer   "])
def test_requests_without_a_bearer_token_are_unauthenticated(header: str | None) -> None:
    with pytest.raises(Unauthenticated, match="^malformed:"):
        bearer_token(header)


def test_the_bearer_scheme_is_case_insensitive() -> None:
    assert bearer_token("bearer abc.def.ghi") == "abc.def.ghi"


def test_cached_principals_expire_after_30_seconds() -> None:
    clock = Clock()
    cache = PrincipalCache(clock=clock)
    cache.put("token", principal("viewer"))
    clock.now += 29
    assert cache.get("token") is not None
    clock.now += 2
    assert cache.get("token") is None


def test_cached_principals_never_outlive_the_token() -> None:
    clock = Clock()
    cache = PrincipalCache(clock=clock)
    cache.put("token", principal("viewer", expires=int(clock.now) + 5))
    clock.now += 6
    assert cache.get("token") is None


def test_the_cache_is_bounded() -> None:
    cache = PrincipalCache(max_entries=2, clock=Clock())
    for token in ("a", "b", "c"):
        cache.put(token, principal("viewer"))
    assert cache.get("a") is None
    assert cache.get("c") is not None


def plan(risk: int) -> common_pb2.Plan:
    return common_pb2.Plan(risk=risk)  # type: ignore[arg-type]


def test_a_viewer_may_read_but_not_write() -> None:
    authorize_plan(principal("viewer"), plan(common_pb2.RISK_READ))
    for risk in (common_pb2.RISK_WRITE, common_pb2.RISK_DESTRUCTIVE):
        with pytest.raises(PermissionDenied, match=r"alice \(viewer\) may not run changes"):
            authorize_plan(principal("viewer"), plan(risk))


def test_operators_and_admins_may_write() -> None:
    for role in ("operator", "admin"):
        authorize_plan(principal(role), plan(common_pb2.RISK_DESTRUCTIVE))


def test_an_auditor_may_not_run_anything() -> None:
    with pytest.raises(PermissionDenied):
        authorize_plan(principal("auditor"), plan(common_pb2.RISK_READ))


def test_a_user_without_roles_is_told_which_roles_would_do() -> None:
    with pytest.raises(PermissionDenied) as caught:
        require_role(principal(), {"admin"}, "administer users")
    assert caught.value.hint == "this needs one of the roles: admin"
