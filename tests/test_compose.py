"""compose.yaml cannot run here (no Docker engine); check that it names every service and
port the code expects, so it does not rot."""

from __future__ import annotations

from pathlib import Path

import yaml

from kubechat_audit.config import AuditSettings
from kubechat_devstack.stack import SERVICES, Ports
from kubechat_executor.config import ExecutorSettings
from kubechat_gateway.config import GatewaySettings
from kubechat_identity.config import IdentitySettings
from kubechat_nlp.config import NlpSettings

COMPOSE = yaml.safe_load((Path(__file__).parent.parent / "compose.yaml").read_text())
SETTINGS = {
    "gateway": GatewaySettings,
    "nlp": NlpSettings,
    "executor": ExecutorSettings,
    "audit": AuditSettings,
    "identity": IdentitySettings,
}


def published(service: str) -> set[int]:
    return {int(p.split(":")[1]) for p in COMPOSE["services"][service].get("ports", [])}


def test_every_service_and_dependency_is_defined() -> None:
    expected = set(SERVICES) | {"nats", "redis", "clickhouse", "keycloak", "postgres"}
    assert expected <= set(COMPOSE["services"])


def test_each_service_builds_from_its_dockerfile() -> None:
    for service in SERVICES:
        build = COMPOSE["services"][service]["build"]
        assert build["dockerfile"] == f"services/{service}/Dockerfile"
        assert (Path(__file__).parent.parent / build["dockerfile"]).exists()


def test_ports_match_the_code_defaults() -> None:
    ports = Ports()
    gateway = GatewaySettings()
    assert published("gateway") == {gateway.http_port, gateway.public_grpc_port}
    assert {ports.gateway, ports.gateway_grpc} == published("gateway")
    for service in ("nlp", "executor", "audit", "identity"):
        default = SETTINGS[service]().grpc_port
        assert published(service) == {default} == {getattr(ports, service)}
    assert {ports.nats, ports.nats_monitor} <= published("nats")
    assert ports.redis in published("redis")


def test_gateway_reaches_peers_at_their_compose_ports() -> None:
    env = COMPOSE["services"]["gateway"]["environment"]
    for peer in ("nlp", "executor", "audit", "identity"):
        host, port = env[f"KUBECHAT_{peer.upper()}_ADDRESS"].split(":")
        assert host == peer and int(port) in published(peer)


def test_environment_names_are_real_settings() -> None:
    # A typo in compose.yaml would be silently ignored by pydantic-settings.
    known_elsewhere = {"KUBECHAT_DATABASE_URL", "KUBECHAT_CLICKHOUSE_URL"}
    for service in SERVICES:
        fields = {f"KUBECHAT_{name.upper()}" for name in SETTINGS[service].model_fields}
        for name in COMPOSE["services"][service]["environment"]:
            if name.startswith("KUBECHAT_") and name not in known_elsewhere:
                assert name in fields, f"{service}: {name} is not a setting"
