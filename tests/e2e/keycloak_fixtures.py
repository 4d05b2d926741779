"""Identity fixtures: one real Keycloak per test session, the identity service and an OIDC
gateway in front of it, a private OpenLDAP, and helpers to get real tokens.

Registered from conftest.py with `pytest_plugins`. Keycloak is started once per session
(it is the slowest thing here), in the background from the end of collection, and its start
time is printed in the terminal summary.
Without the Keycloak distribution (scripts/install-keycloak.sh) or the system packages
(scripts/install-identity-deps.sh) the identity tests are skipped with the command to
run; `KUBECHAT_REQUIRE_IDENTITY=1` turns that into a failure (set it in CI).
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest

from kubechat_devstack.early import needed, start_early, take_early
from kubechat_devstack.keycloak import REALM_FILE, Keycloak, keycloak_home
from kubechat_devstack.ldap import ROOT_DN, SUFFIX, Directory
from kubechat_devstack.processes import ProcessError, free_port
from kubechat_devstack.stack import Ports, Stack

REALM = "kubechat"
E2E_CLIENT = "kubechat-e2e"
_START_TIMES = pytest.StashKey[dict[str, float]]()


def _unavailable(message: str) -> None:
    if os.environ.get("KUBECHAT_REQUIRE_IDENTITY") == "1":
        pytest.fail(message)
    pytest.skip(message)


def password(username: str) -> str:
    """The dev password of a realm user (deploy/keycloak/kubechat-realm.json)."""
    return f"{username}-password"


@dataclass
class RealmAdmin:
    """The Keycloak admin REST API as the master-realm bootstrap admin."""

    keycloak: Keycloak

    def _token(self) -> str:
        reply = httpx.post(
            f"{self.keycloak.url}/realms/master/protocol/openid-connect/token",
            data={
                "grant_type": "password",
                "client_id": "admin-cli",
                "username": self.keycloak.admin[0],
                "password": self.keycloak.admin[1],
            },
        )
        reply.raise_for_status()
        return str(reply.json()["access_token"])

    def call(self, method: str, path: str, **kwargs: Any) -> httpx.Response:
        reply = httpx.request(
            method,
            f"{self.keycloak.url}/admin/realms/{REALM}{path}",
            headers={"Authorization": f"Bearer {self._token()}"},
            timeout=30,
            **kwargs,
        )
        reply.raise_for_status()
        return reply

    def get(self, path: str, **params: Any) -> Any:
        return self.call("GET", path, params=params).json()

    def create(self, path: str, body: dict[str, Any]) -> str:
        """POST and return the new object's id (from the Location header)."""
        return self.call("POST", path, json=body).headers["location"].rsplit("/", 1)[1]

    @property
    def realm_id(self) -> str:
        return str(self.get("")["id"])

    def user_id(self, username: str) -> str:
        return str(self.get("/users", username=username, exact="true")[0]["id"])


@dataclass
class Tokens:
    """Real tokens from the session's Keycloak."""

    keycloak: Keycloak

    @property
    def token_url(self) -> str:
        return f"{self.keycloak.issuer(REALM)}/protocol/openid-connect/token"

    def password_grant(self, username: str, secret: str | None = None) -> str:
        reply = httpx.post(
            self.token_url,
            data={
                "grant_type": "password",
                "client_id": E2E_CLIENT,
                "username": username,
                "password": secret or password(username),
                "scope": "openid",
            },
        )
        assert reply.status_code == 200, reply.text
        return str(reply.json()["access_token"])

    def client_credentials(self, client_id: str, secret: str) -> str:
        reply = httpx.post(
            self.token_url,
            data={
                "grant_type": "client_credentials",
                "client_id": client_id,
                "client_secret": secret,
            },
        )
        assert reply.status_code == 200, reply.text
        return str(reply.json()["access_token"])


def _start_keycloak(base_dir: Path) -> tuple[Keycloak, float]:
    """A fresh Keycloak with the repo's realm imported, and the seconds its start took."""
    server = Keycloak(base_dir=base_dir, http_port=free_port(), management_port=free_port())
    try:
        return server, server.start()
    except ProcessError:
        server.stop()
        raise


def _stop_keycloak(started: tuple[Keycloak, float]) -> None:
    started[0].stop()


def start_keycloak_early(session: pytest.Session) -> None:
    """Called when collection finishes: Keycloak (the slowest server here) boots in the
    background while the unit tests run (kubechat_devstack.early)."""
    if not needed(session, "keycloak"):
        return
    try:
        keycloak_home(install=False)
    except ProcessError:
        return  # the fixture says what to install (or fails in CI)
    start_early(session.config, "keycloak", _start_keycloak, _stop_keycloak)


@pytest.fixture(scope="session")
def keycloak(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[Keycloak]:
    """The session's one Keycloak, with the repo's realm imported."""
    try:
        keycloak_home()
    except ProcessError as exc:
        _unavailable(f"Keycloak is not installed ({exc}); run: bash scripts/install-keycloak.sh")
    early = take_early(request.config, "keycloak")
    waited = time.monotonic()
    server, took = early.take() if early else _start_keycloak(tmp_path_factory.mktemp("keycloak"))
    times = request.config.stash.setdefault(_START_TIMES, {})
    times["keycloak start (fresh DB, realm import)"] = took
    if early:
        times["keycloak: what the first test waited of it"] = time.monotonic() - waited
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def realm_admin(keycloak: Keycloak) -> RealmAdmin:
    return RealmAdmin(keycloak)


@pytest.fixture(scope="session")
def tokens(realm_admin: RealmAdmin, keycloak: Keycloak) -> Tokens:
    """Tokens by password grant through a test-only public client, created here so the
    repo's realm never enables the password grant on a real client."""
    web = json.loads(REALM_FILE.read_text())["clients"][0]
    realm_admin.create(
        "/clients",
        {
            "clientId": E2E_CLIENT,
            "publicClient": True,
            "standardFlowEnabled": False,
            "directAccessGrantsEnabled": True,
            # The same claims as kubechat-web: tenant, groups, k8s_groups, audience.
            "protocolMappers": web["protocolMappers"],
        },
    )
    return Tokens(keycloak)


@pytest.fixture(scope="session")
def identity_stack(tmp_path_factory: pytest.TempPathFactory, keycloak: Keycloak) -> Iterator[Stack]:
    """NATS, Redis, identity (validating against the session's Keycloak), nlp, and the
    gateway with auth_mode=oidc."""
    base = tmp_path_factory.mktemp("identity-mesh")
    stack = Stack(
        base_dir=base,
        ports=Ports.free(),
        extra_env={
            "KUBECHAT_ENVIRONMENT": "test",
            "KUBECHAT_OIDC_ISSUER": keycloak.issuer(REALM),
            "KUBECHAT_AUTH_MODE": "oidc",
            # Rotation must show up at once in the test; production keeps 10 s.
            "KUBECHAT_JWKS_MIN_REFRESH_SECONDS": "1",
            "KUBECHAT_TOKEN_LEEWAY_SECONDS": "2",
            "KUBECONFIG": "",
        },
    )
    try:
        stack.start_nats()
        stack.start_redis()
        stack.start_services(["identity", "nlp", "gateway"])
        yield stack
    finally:
        stack.stop()


LDAP_SEED = f"""\
dn: {SUFFIX}
objectClass: dcObject
objectClass: organization
o: KubeChat test directory
dc: kubechat

dn: ou=people,{SUFFIX}
objectClass: organizationalUnit
ou: people

dn: ou=roles,{SUFFIX}
objectClass: organizationalUnit
ou: roles

dn: ou=teams,{SUFFIX}
objectClass: organizationalUnit
ou: teams

dn: uid=lena,ou=people,{SUFFIX}
objectClass: inetOrgPerson
uid: lena
cn: Lena Directory
givenName: Lena
sn: Directory
mail: lena@globex.example
userPassword: {password("lena")}

dn: uid=leo,ou=people,{SUFFIX}
objectClass: inetOrgPerson
uid: leo
cn: Leo Directory
givenName: Leo
sn: Directory
mail: leo@globex.example
userPassword: {password("leo")}

dn: cn=operator,ou=roles,{SUFFIX}
objectClass: groupOfNames
cn: operator
member: uid=lena,ou=people,{SUFFIX}

dn: cn=viewer,ou=roles,{SUFFIX}
objectClass: groupOfNames
cn: viewer
member: uid=lena,ou=people,{SUFFIX}
member: uid=leo,ou=people,{SUFFIX}

dn: cn=sre,ou=teams,{SUFFIX}
objectClass: groupOfNames
cn: sre
member: uid=lena,ou=people,{SUFFIX}
"""


def _mapper(name: str, provider: str, parent: str, config: dict[str, str]) -> dict[str, Any]:
    return {
        "name": name,
        "providerId": provider,
        "providerType": "org.keycloak.storage.ldap.mappers.LDAPStorageMapper",
        "parentId": parent,
        "config": {k: [v] for k, v in config.items()},
    }


@pytest.fixture(scope="session")
def ldap_federation(
    tmp_path_factory: pytest.TempPathFactory, realm_admin: RealmAdmin
) -> Iterator[Directory]:
    """A seeded slapd federated into the realm for tenant globex: LDAP groups under
    ou=roles become realm roles, groups under ou=teams become Keycloak groups below
    /globex, and every directory user is a member of /globex."""
    directory = Directory(base_dir=tmp_path_factory.mktemp("ldap"), port=free_port())
    try:
        directory.start()
    except ProcessError as exc:
        _unavailable(f"{exc}; run: bash scripts/install-identity-deps.sh")
    try:
        directory.add(LDAP_SEED)
        ldap_id = realm_admin.create(
            "/components",
            {
                "name": "kubechat-test-ldap",
                "providerId": "ldap",
                "providerType": "org.keycloak.storage.UserStorageProvider",
                "parentId": realm_admin.realm_id,
                "config": {
                    k: [v]
                    for k, v in {
                        "enabled": "true",
                        "priority": "0",
                        "vendor": "other",
                        "connectionUrl": directory.url,
                        "bindDn": ROOT_DN,
                        "bindCredential": directory.root_password,
                        "usersDn": f"ou=people,{SUFFIX}",
                        "usernameLDAPAttribute": "uid",
                        "rdnLDAPAttribute": "uid",
                        "uuidLDAPAttribute": "entryUUID",
                        "userObjectClasses": "inetOrgPerson, organizationalPerson",
                        "searchScope": "1",
                        "editMode": "READ_ONLY",
                        "importEnabled": "true",
                        "authType": "simple",
                        "pagination": "false",
                        "trustEmail": "true",
                    }.items()
                },
            },
        )
        membership = {
            "membership.ldap.attribute": "member",
            "membership.attribute.type": "DN",
            "membership.user.ldap.attribute": "uid",
            "mode": "READ_ONLY",
        }
        realm_admin.create(
            "/components",
            _mapper(
                "roles from ou=roles",
                "role-ldap-mapper",
                ldap_id,
                {
                    **membership,
                    "roles.dn": f"ou=roles,{SUFFIX}",
                    "role.name.ldap.attribute": "cn",
                    "role.object.classes": "groupOfNames",
                    "use.realm.roles.mapping": "true",
                    "user.roles.retrieve.strategy": "LOAD_ROLES_BY_MEMBER_ATTRIBUTE",
                },
            ),
        )
        groups_mapper = realm_admin.create(
            "/components",
            _mapper(
                "teams from ou=teams",
                "group-ldap-mapper",
                ldap_id,
                {
                    **membership,
                    "groups.dn": f"ou=teams,{SUFFIX}",
                    "group.name.ldap.attribute": "cn",
                    "group.object.classes": "groupOfNames",
                    "preserve.group.inheritance": "false",
                    "ignore.missing.groups": "false",
                    "user.roles.retrieve.strategy": "LOAD_GROUPS_BY_MEMBER_ATTRIBUTE",
                    "groups.path": "/globex",
                    "drop.non.existing.groups.during.sync": "false",
                },
            ),
        )
        # This directory serves one tenant: every user in it is a member of /globex.
        realm_admin.create(
            "/components",
            _mapper("tenant globex", "hardcoded-ldap-group-mapper", ldap_id, {"group": "/globex"}),
        )
        realm_admin.call(
            "POST",
            f"/user-storage/{ldap_id}/mappers/{groups_mapper}/sync",
            params={"direction": "fedToKeycloak"},
        )
        yield directory
    finally:
        directory.stop()


def pytest_terminal_summary(terminalreporter: Any, config: pytest.Config) -> None:
    times = config.stash.get(_START_TIMES, {})
    for what, seconds in times.items():
        terminalreporter.write_line(f"{what}: {seconds:.1f}s")
