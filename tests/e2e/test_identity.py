"""Identity against a real Keycloak: token validation and its reasons, the gateway's
enforcement, tenant-scoped user administration, key rotation, LDAP federation."""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import Awaitable
from dataclasses import dataclass
from typing import Any

import grpc
import httpx
import jwt
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from grpc import aio

from kubechat.v1 import common_pb2, identity_pb2, identity_pb2_grpc
from kubechat_devstack.keycloak import Keycloak
from kubechat_devstack.ldap import Directory
from kubechat_devstack.service_identity import aio_channel_to
from kubechat_devstack.stack import Stack
from tests.e2e.keycloak_fixtures import REALM, RealmAdmin, Tokens, password


async def validate(stack: Stack, token: str) -> common_pb2.Principal:
    async with aio_channel_to(stack, "identity") as channel:
        stub = identity_pb2_grpc.IdentityServiceStub(channel)
        return await stub.ValidateToken(identity_pb2.ValidateTokenRequest(token=token), timeout=10)


async def rejection(stack: Stack, token: str) -> tuple[grpc.StatusCode, str]:
    with pytest.raises(aio.AioRpcError) as caught:
        await validate(stack, token)
    return caught.value.code(), caught.value.details() or ""


@dataclass
class TrustedKey:
    """A key pair Keycloak publishes in the realm's JWKS (imported, low priority, never
    used by Keycloak to sign), so the test can mint tokens with any claims it likes."""

    kid: str
    private: rsa.RSAPrivateKey
    issuer: str

    def sign(self, **overrides: Any) -> str:
        now = int(time.time())
        claims: dict[str, Any] = {
            "iss": self.issuer,
            "aud": "kubechat-api",
            "sub": "test-subject",
            "iat": now,
            "exp": now + 300,
            "preferred_username": "alice",
            "tenant": "acme",
            "realm_access": {"roles": ["viewer"]},
        }
        claims.update(overrides)
        return jwt.encode(claims, self.private, algorithm="RS256", headers={"kid": self.kid})


@pytest.fixture(scope="module")
def trusted_key(realm_admin: RealmAdmin, keycloak: Keycloak) -> TrustedKey:
    private = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    pem = private.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.PKCS8,
        serialization.NoEncryption(),
    ).decode()
    component = realm_admin.create(
        "/components",
        {
            "name": "e2e-imported",
            "providerId": "rsa",
            "providerType": "org.keycloak.keys.KeyProvider",
            "parentId": realm_admin.realm_id,
            "config": {
                "priority": ["1"],
                "enabled": ["true"],
                "active": ["true"],
                "algorithm": ["RS256"],
                "privateKey": [pem],
            },
        },
    )
    kid = next(k["kid"] for k in realm_admin.get("/keys")["keys"] if k["providerId"] == component)
    # The identity service refetches the JWKS for an unknown kid at most once a second in
    # this stack (KUBECHAT_JWKS_MIN_REFRESH_SECONDS=1); a fetch just before the import
    # would otherwise hide the new key for that second.
    time.sleep(1.1)
    return TrustedKey(kid, private, keycloak.issuer(REALM))


# -- ValidateToken -------------------------------------------------------------------


async def test_a_persona_token_maps_to_the_test_bed_identity(
    identity_stack: Stack, tokens: Tokens
) -> None:
    principal = await validate(identity_stack, tokens.password_grant("alice"))
    assert (principal.user, principal.tenant, list(principal.roles)) == (
        "alice",
        "acme",
        ["viewer"],
    )
    # docs/testbed.md binds user alice and group kubechat:viewers-dev.
    assert principal.k8s_user == "alice"
    assert set(principal.k8s_groups) == {
        "kubechat:acme",
        "kubechat:acme:viewers",
        "kubechat:viewers-dev",
    }
    assert principal.email == "alice@acme.example"
    assert principal.expires_at.seconds > time.time()

    bob = await validate(identity_stack, tokens.password_grant("bob"))
    assert list(bob.roles) == ["viewer", "operator"]
    assert "kubechat:operators" in bob.k8s_groups


async def test_an_integration_signs_in_with_client_credentials(
    identity_stack: Stack, tokens: Tokens
) -> None:
    token = tokens.client_credentials("kubechat-api", "kubechat-api-dev-secret")
    principal = await validate(identity_stack, token)
    assert principal.user == "service-account-kubechat-api"
    assert (principal.tenant, list(principal.roles)) == ("acme", ["viewer"])


async def test_a_token_from_the_test_key_is_accepted(
    identity_stack: Stack, trusted_key: TrustedKey
) -> None:
    # The control for the rejections below: the key itself is trusted.
    assert (await validate(identity_stack, trusted_key.sign())).user == "alice"


_NOW = int(time.time())


@pytest.mark.parametrize(
    ("claims", "reason"),
    [
        ({"iat": _NOW - 900, "exp": _NOW - 600}, "expired"),
        ({"nbf": _NOW + 600}, "not_yet_valid"),
        ({"aud": "some-other-api"}, "wrong_audience"),
    ],
)
async def test_claims_are_rejected_with_a_specific_reason(
    identity_stack: Stack, trusted_key: TrustedKey, claims: dict[str, Any], reason: str
) -> None:
    code, message = await rejection(identity_stack, trusted_key.sign(**claims))
    assert code == grpc.StatusCode.UNAUTHENTICATED
    assert message.startswith(f"{reason}:"), message


async def test_a_token_signed_by_another_key_is_rejected(
    identity_stack: Stack, trusted_key: TrustedKey
) -> None:
    impostor = TrustedKey(
        trusted_key.kid,
        rsa.generate_private_key(public_exponent=65537, key_size=2048),
        trusted_key.issuer,
    )
    code, message = await rejection(identity_stack, impostor.sign())
    assert (code, message.split(":")[0]) == (grpc.StatusCode.UNAUTHENTICATED, "bad_signature")

    impostor.kid = "not-a-realm-key"
    code, message = await rejection(identity_stack, impostor.sign())
    assert (code, message.split(":")[0]) == (grpc.StatusCode.UNAUTHENTICATED, "unknown_key")


@pytest.mark.parametrize("token", ["garbage", "a.b.c", "Bearer eyJ0eXAiOiJKV1QifQ"])
async def test_malformed_tokens_are_rejected(identity_stack: Stack, token: str) -> None:
    code, message = await rejection(identity_stack, token)
    assert (code, message.split(":")[0]) == (grpc.StatusCode.UNAUTHENTICATED, "malformed")


async def test_a_token_from_another_realm_is_rejected(
    identity_stack: Stack, realm_admin: RealmAdmin
) -> None:
    master_token = realm_admin._token()  # a real token of the master realm
    code, message = await rejection(identity_stack, master_token)
    assert code == grpc.StatusCode.UNAUTHENTICATED
    assert message.startswith("wrong_issuer:") and "/realms/master" in message


# -- the gateway ----------------------------------------------------------------------


def test_the_gateway_requires_a_valid_token(
    identity_stack: Stack, tokens: Tokens, trusted_key: TrustedKey
) -> None:
    me = f"{identity_stack.gateway_url}/api/v1/me"
    missing = httpx.get(me)
    assert missing.status_code == 401
    assert missing.json()["error"]["code"] == "unauthenticated"

    expired = trusted_key.sign(iat=_NOW - 900, exp=_NOW - 600)
    refused = httpx.get(me, headers={"Authorization": f"Bearer {expired}"})
    assert refused.status_code == 401
    assert refused.json()["error"]["message"].startswith("expired:")

    ok = httpx.get(me, headers={"Authorization": f"Bearer {tokens.password_grant('bob')}"})
    assert ok.status_code == 200, ok.text
    assert ok.json()["user"] == "bob" and ok.json()["k8s_user"] == "bob"


def test_a_viewers_write_is_permission_denied(identity_stack: Stack, tokens: Tokens) -> None:
    ask = f"{identity_stack.gateway_url}/api/v1/ask"
    body = {"text": "scale deployment frontend to 3 replicas in namespace dev"}
    as_alice = httpx.post(
        ask,
        json=body,
        headers={"Authorization": f"Bearer {tokens.password_grant('alice')}"},
        timeout=30,
    )
    assert as_alice.status_code == 403, as_alice.text
    assert as_alice.json()["error"]["code"] == "permission_denied"
    # The same request from an operator passes the role check and waits for confirmation.
    as_bob = httpx.post(
        ask,
        json=body,
        headers={"Authorization": f"Bearer {tokens.password_grant('bob')}"},
        timeout=30,
    )
    assert as_bob.status_code == 200, as_bob.text
    assert as_bob.json()["status"] == "needs_confirmation"


# -- user administration --------------------------------------------------------------


@pytest.fixture(scope="module")
def callers(identity_stack: Stack, tokens: Tokens) -> dict[str, common_pb2.Principal]:
    async def principals() -> dict[str, common_pb2.Principal]:
        names = ("acme-admin", "globex-admin", "alice")
        found = [await validate(identity_stack, tokens.password_grant(n)) for n in names]
        return dict(zip(names, found, strict=True))

    return asyncio.run(principals())


async def test_a_tenant_admin_sees_only_their_tenant(
    identity_stack: Stack, callers: dict[str, common_pb2.Principal]
) -> None:
    async with aio_channel_to(identity_stack, "identity") as channel:
        stub = identity_pb2_grpc.IdentityServiceStub(channel)
        acme = await stub.ListUsers(identity_pb2.ListUsersRequest(caller=callers["acme-admin"]))
        globex = await stub.ListUsers(identity_pb2.ListUsersRequest(caller=callers["globex-admin"]))
    acme_names = {u.username for u in acme.users}
    assert {"alice", "bob", "carol", "acme-admin", "audrey"} <= acme_names
    assert not acme_names & {"gus", "globex-admin"}
    assert {u.username for u in globex.users} >= {"gus", "globex-admin"}
    assert not {u.username for u in globex.users} & acme_names
    assert {u.tenant for u in acme.users} == {"acme"}
    assert next(u for u in acme.users if u.username == "bob").roles == ["operator"]


async def test_a_tenant_admin_cannot_change_another_tenants_users(
    identity_stack: Stack, callers: dict[str, common_pb2.Principal], realm_admin: RealmAdmin
) -> None:
    alice_id = realm_admin.user_id("alice")
    intruder = callers["globex-admin"]
    async with aio_channel_to(identity_stack, "identity") as channel:
        stub = identity_pb2_grpc.IdentityServiceStub(channel)
        # Each would do harm if allowed: disable alice, make her admin, take her password.
        attempts: list[Awaitable[Any]] = [
            stub.SetUserEnabled(
                identity_pb2.SetUserEnabledRequest(caller=intruder, user_id=alice_id)
            ),
            stub.SetUserRoles(
                identity_pb2.SetUserRolesRequest(caller=intruder, user_id=alice_id, roles=["admin"])
            ),
            stub.ResetCredentials(
                identity_pb2.ResetCredentialsRequest(caller=intruder, user_id=alice_id)
            ),
        ]
        for attempt in attempts:
            with pytest.raises(aio.AioRpcError) as caught:
                await attempt
            assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
        # A viewer of the right tenant may not administer either.
        with pytest.raises(aio.AioRpcError) as caught:
            await stub.ListUsers(identity_pb2.ListUsersRequest(caller=callers["alice"]))
        assert caught.value.code() == grpc.StatusCode.PERMISSION_DENIED
    assert realm_admin.get(f"/users/{alice_id}")["enabled"] is True


async def test_a_tenant_admin_manages_a_user_end_to_end(
    identity_stack: Stack, callers: dict[str, common_pb2.Principal], tokens: Tokens
) -> None:
    admin = callers["acme-admin"]
    username = f"new-{uuid.uuid4().hex[:8]}"
    async with aio_channel_to(identity_stack, "identity") as channel:
        stub = identity_pb2_grpc.IdentityServiceStub(channel)
        user = await stub.CreateUser(
            identity_pb2.CreateUserRequest(
                caller=admin,
                username=username,
                email=f"{username}@acme.example",
                first_name="New",
                last_name="Operator",
                roles=["viewer"],
            )
        )
        assert (user.tenant, list(user.roles), user.enabled) == ("acme", ["viewer"], True)
        user = await stub.SetUserRoles(
            identity_pb2.SetUserRolesRequest(caller=admin, user_id=user.id, roles=["operator"])
        )
        assert list(user.roles) == ["operator"]
        reset = await stub.ResetCredentials(
            identity_pb2.ResetCredentialsRequest(caller=admin, user_id=user.id, temporary=False)
        )
        principal = await validate(
            identity_stack, tokens.password_grant(username, reset.temporary_password)
        )
        assert (principal.tenant, list(principal.roles)) == ("acme", ["viewer", "operator"])
        assert "kubechat:acme:operators" in principal.k8s_groups
        user = await stub.SetUserEnabled(
            identity_pb2.SetUserEnabledRequest(caller=admin, user_id=user.id, enabled=False)
        )
        assert user.enabled is False
    refused = httpx.post(
        tokens.token_url,
        data={
            "grant_type": "password",
            "client_id": "kubechat-e2e",
            "username": username,
            "password": reset.temporary_password,
        },
    )
    assert refused.status_code == 400  # a disabled user gets no token


# -- LDAP -----------------------------------------------------------------------------


async def test_an_ldap_user_gets_roles_and_groups_from_the_directory(
    identity_stack: Stack, tokens: Tokens, ldap_federation: Directory
) -> None:
    lena = await validate(identity_stack, tokens.password_grant("lena"))
    assert (lena.user, lena.tenant) == ("lena", "globex")
    assert list(lena.roles) == ["viewer", "operator"]  # cn=viewer and cn=operator in ou=roles
    assert "kubechat:globex:sre" in lena.k8s_groups  # cn=sre in ou=teams, under /globex
    leo = await validate(identity_stack, tokens.password_grant("leo"))
    assert list(leo.roles) == ["viewer"]
    assert "kubechat:globex:sre" not in leo.k8s_groups
    wrong = httpx.post(
        tokens.token_url,
        data={
            "grant_type": "password",
            "client_id": "kubechat-e2e",
            "username": "leo",
            "password": password("lena"),
        },
    )
    # The directory checks the password: lena's is not leo's.
    assert (wrong.status_code, wrong.json()["error"]) == (400, "invalid_grant")


# -- key rotation (last: it changes the realm's active key) ----------------------------


async def test_after_key_rotation_new_tokens_validate_without_a_restart(
    identity_stack: Stack, tokens: Tokens, realm_admin: RealmAdmin
) -> None:
    before = tokens.password_grant("bob")
    await validate(identity_stack, before)  # the identity service now caches the old key
    old_kid = jwt.get_unverified_header(before)["kid"]
    realm_id = realm_admin.realm_id
    olds = [
        c
        for c in realm_admin.get(
            "/components", parent=realm_id, type="org.keycloak.keys.KeyProvider"
        )
        if c["providerId"] == "rsa-generated"
    ]
    realm_admin.create(
        "/components",
        {
            "name": "rotated",
            "providerId": "rsa-generated",
            "providerType": "org.keycloak.keys.KeyProvider",
            "parentId": realm_id,
            "config": {
                "priority": ["200"],
                "enabled": ["true"],
                "active": ["true"],
                "keySize": ["2048"],
                "algorithm": ["RS256"],
            },
        },
    )
    for old in olds:
        old["config"]["enabled"] = ["false"]
        realm_admin.call("PUT", f"/components/{old['id']}", json=old)

    after = tokens.password_grant("bob")
    assert jwt.get_unverified_header(after)["kid"] != old_kid
    principal = await validate(identity_stack, after)
    assert principal.user == "bob"
    certs = httpx.get(
        f"{identity_stack.extra_env['KUBECHAT_OIDC_ISSUER']}/protocol/openid-connect/certs"
    )
    assert old_kid not in {k["kid"] for k in certs.json()["keys"]}
