"""The demo realm's client secrets are public (they ship in deploy/): production refuses
them, whichever service is configured with one."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from pydantic import ValidationError

from kubechat.config import DEMO_SECRETS
from kubechat_identity.config import IdentitySettings

REALM = Path(__file__).parents[3] / "deploy" / "keycloak" / "kubechat-realm.json"
ISSUER = "https://sso.example.com/realms/kubechat"


def realm_secrets(node: Any) -> set[str]:
    if isinstance(node, dict):
        found = {node["secret"]} if isinstance(node.get("secret"), str) else set()
        return found.union(*(realm_secrets(v) for v in node.values()))
    if isinstance(node, list):
        return set().union(*(realm_secrets(v) for v in node))
    return set()


def test_every_secret_the_demo_realm_ships_is_listed_as_a_demo_value() -> None:
    shipped = realm_secrets(json.loads(REALM.read_text()))
    assert shipped, "the realm ships no client secret: this test reads the wrong file"
    assert shipped == DEMO_SECRETS


@pytest.mark.parametrize("secret", sorted(DEMO_SECRETS))
def test_production_refuses_a_demo_client_secret(secret: str) -> None:
    with pytest.raises(ValidationError, match="demo realm's published client secret"):
        IdentitySettings(
            environment="production", oidc_issuer=ISSUER, keycloak_admin_client_secret=secret
        )
    # Dev and test run the demo realm on purpose.
    IdentitySettings(environment="dev", keycloak_admin_client_secret=secret)


def test_production_refuses_the_default_and_takes_a_real_secret() -> None:
    with pytest.raises(ValidationError, match="KUBECHAT_KEYCLOAK_ADMIN_CLIENT_SECRET"):
        IdentitySettings(environment="production", oidc_issuer=ISSUER)
    IdentitySettings(
        environment="production", oidc_issuer=ISSUER, keycloak_admin_client_secret="x7Qm-real"
    )
