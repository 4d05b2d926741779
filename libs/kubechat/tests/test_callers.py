"""Caller assertions and admission: what internal services accept as proof of a caller."""

from __future__ import annotations

import time

import pytest
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey

from kubechat.admission import RULES, admit_caller, admit_peer, bind_principal
from kubechat.caller_channels import body_principal
from kubechat.callers import ASSERTION_HEADER, CallerSigner, CallerVerifier
from kubechat.errors import PermissionDenied, Unauthenticated
from kubechat.mtls import peer_name
from kubechat.v1 import audit_pb2, common_pb2, executor_pb2, identity_pb2

KEY = Ed25519PrivateKey.generate()
NOW = time.time()
BOB = common_pb2.Principal(
    user="bob",
    tenant="acme",
    roles=["operator"],
    k8s_user="oidc:bob",
    k8s_groups=["oidc:staging-editors"],
    subject="b-123",
)
EXECUTE = "/kubechat.v1.ExecutorService/Execute"
MALLORY = common_pb2.Principal(user="mallory", roles=["admin"], k8s_groups=["system:masters"])


def signer(clock: float = NOW, key: Ed25519PrivateKey = KEY) -> CallerSigner:
    return CallerSigner(key, clock=lambda: clock)


def verifier(audience: str = "executor") -> CallerVerifier:
    return CallerVerifier(KEY.public_key(), audience, leeway=0)


def test_a_signed_principal_comes_back_whole() -> None:
    principal = common_pb2.Principal()
    principal.CopyFrom(BOB)
    principal.expires_at.FromSeconds(int(NOW) + 3600)
    token = CallerSigner(KEY).sign(principal, ["executor"])
    assert verifier().verify(token).principal == principal


def test_lifetime_is_a_minute_and_never_past_the_users_token(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import jwt

    claims = jwt.decode(signer().sign(BOB, ["executor"]), options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 60
    assert claims["iss"] == "kubechat-gateway" and claims["sub"] == "b-123" and claims["jti"]
    short = common_pb2.Principal()
    short.CopyFrom(BOB)
    short.expires_at.FromSeconds(int(NOW) + 10)
    claims = jwt.decode(signer().sign(short, ["executor"]), options={"verify_signature": False})
    assert claims["exp"] == int(NOW) + 10


def test_expired_wrong_audience_and_foreign_key_are_refused() -> None:
    with pytest.raises(Unauthenticated, match="expired"):
        verifier().verify(signer(clock=NOW - 3600).sign(BOB, ["executor"]))
    with pytest.raises(Unauthenticated, match="not addressed to the executor"):
        verifier().verify(CallerSigner(KEY).sign(BOB, ["audit"]))
    with pytest.raises(Unauthenticated, match="does not trust"):
        verifier().verify(CallerSigner(Ed25519PrivateKey.generate()).sign(BOB, ["executor"]))
    with pytest.raises(Unauthenticated):
        verifier().verify("not.a.token")


def test_a_key_rotation_accepts_both_keys_while_both_are_published() -> None:
    new = Ed25519PrivateKey.generate()
    both = CallerVerifier([KEY.public_key(), new.public_key()], "executor")
    for key in (KEY, new):
        assert both.verify(CallerSigner(key).sign(BOB, ["executor"])).principal.user == "bob"
    with pytest.raises(Unauthenticated, match="does not trust"):
        verifier().verify(CallerSigner(new).sign(BOB, ["executor"]))


def test_assertions_are_reused_for_half_their_life_and_verified_once() -> None:
    now = [NOW]
    signing = CallerSigner(KEY, clock=lambda: now[0])
    first = signing.sign(BOB, ["executor"])
    assert signing.sign(BOB, ["executor"]) == first
    assert signing.sign(BOB, ["audit"]) != first  # bound to its audience
    now[0] += 31
    assert signing.sign(BOB, ["executor"]) != first
    checking = CallerVerifier(KEY.public_key(), "executor", leeway=0, clock=lambda: now[0])
    assert checking.verify(first).principal == BOB  # still valid: 31 s of 60
    now[0] += 30
    with pytest.raises(Unauthenticated, match="expired"):
        checking.verify(first)


def test_an_assertion_for_nlp_and_the_executor_is_good_at_both() -> None:
    token = CallerSigner(KEY).sign(BOB, ["nlp", "executor"])
    assert verifier("nlp").verify(token).audience == ("nlp", "executor")
    assert verifier("executor").verify(token).principal.user == "bob"


def test_peers_are_admitted_per_method() -> None:
    assert admit_peer(EXECUTE, "gateway").user
    with pytest.raises(PermissionDenied, match="nlp may not call"):
        admit_peer(EXECUTE, "nlp")
    assert admit_peer("/kubechat.v1.ExecutorService/GetClusterView", "nlp")
    assert not admit_peer("/grpc.health.v1.Health/Check", "audit").user
    with pytest.raises(Unauthenticated, match="mutual TLS"):
        admit_peer(EXECUTE, None)
    with pytest.raises(PermissionDenied, match="admits no caller"):
        admit_peer("/kubechat.v1.ExecutorService/Unknown", "gateway")


def test_a_user_method_needs_a_valid_assertion() -> None:
    rule = RULES[EXECUTE]
    with pytest.raises(Unauthenticated, match="missing"):
        admit_caller(rule, EXECUTE, {}, verifier())
    token = CallerSigner(KEY).sign(BOB, ["executor"])
    caller = admit_caller(rule, EXECUTE, {ASSERTION_HEADER: token}, verifier())
    assert caller is not None and caller.principal.user == "bob"


def test_cluster_administration_needs_an_asserted_admin() -> None:
    method = "/kubechat.v1.ExecutorService/RegisterCluster"
    token = CallerSigner(KEY).sign(BOB, ["executor"])
    with pytest.raises(PermissionDenied, match="bob"):
        admit_caller(RULES[method], method, {ASSERTION_HEADER: token}, verifier())


def test_the_body_principal_is_the_asserted_one_or_refused() -> None:
    token = CallerSigner(KEY).sign(BOB, ["executor"])
    caller = verifier().verify(token)
    forged = executor_pb2.ExecuteRequest(
        principal=common_pb2.Principal(user="bob", k8s_user="admin", k8s_groups=["system:masters"])
    )
    with pytest.raises(PermissionDenied, match="not the user the gateway vouched for"):
        bind_principal(forged, caller, EXECUTE)
    empty = executor_pb2.ExecuteRequest()
    bind_principal(empty, caller, EXECUTE)
    assert empty.principal == BOB
    search = audit_pb2.SearchRequest()
    bind_principal(search, caller, "/kubechat.v1.AuditService/Search")
    assert search.caller == BOB
    validate = identity_pb2.ValidateTokenRequest(token="x")
    bind_principal(validate, None, "/kubechat.v1.IdentityService/ValidateToken")


def test_a_nested_principal_is_held_to_the_same_rule() -> None:
    caller = verifier("audit").verify(CallerSigner(KEY).sign(BOB, ["audit"]))
    method = "/kubechat.v1.AuditService/Export"
    forged = audit_pb2.ExportRequest(query=audit_pb2.SearchRequest(caller=MALLORY))
    with pytest.raises(PermissionDenied, match="vouched for"):
        bind_principal(forged, caller, method)
    bare = audit_pb2.ExportRequest()
    bind_principal(bare, caller, method)
    assert bare.query.caller == BOB
    assert body_principal(audit_pb2.ExportRequest(query=audit_pb2.SearchRequest(caller=BOB))) == BOB


def test_body_principal_finds_each_field_name() -> None:
    assert body_principal(executor_pb2.ApproveRequest(approver=BOB)) == BOB
    assert body_principal(audit_pb2.SearchRequest(caller=BOB)) == BOB
    assert body_principal(executor_pb2.ListClustersRequest()) is None


def test_peer_name_prefers_the_mesh_uri() -> None:
    context = {
        "x509_common_name": [b"something-else"],
        "x509_subject_alternative_name": [b"localhost", b"spiffe://kubechat/nlp"],
    }
    assert peer_name(context) == "nlp"
    assert peer_name({"x509_common_name": [b"gateway"]}) == "gateway"
    assert peer_name({}) is None
