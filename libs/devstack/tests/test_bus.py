"""The NATS and Redis users: what the dev stack writes, what the chart and compose ship."""

from __future__ import annotations

import stat
from pathlib import Path

import yaml

from kubechat_devstack.bus import (
    NATS_PERMISSIONS,
    OPERATOR,
    REDIS_ACCESS,
    BusCredentials,
    deployed_nats_authorization,
    nats_config,
    password_variable,
    redis_config,
    redis_users,
    write_private,
)

ROOT = Path(__file__).parents[3]


def test_every_stack_gets_its_own_passwords() -> None:
    first, second = BusCredentials(), BusCredentials()
    assert set(first.nats) == {*NATS_PERMISSIONS, OPERATOR}
    assert set(first.redis) == {*REDIS_ACCESS, OPERATOR}
    assert not set(first.nats.values()) & set(second.nats.values())
    assert len(set(first.nats.values()) | set(first.redis.values())) == 8


def test_services_get_only_their_own_credentials() -> None:
    credentials = BusCredentials()
    assert credentials.service_env("nlp") == {
        "KUBECHAT_REDIS_USER": "nlp",
        "KUBECHAT_REDIS_PASSWORD": credentials.redis["nlp"],
    }
    assert set(credentials.service_env("audit")) == {
        "KUBECHAT_NATS_USER",
        "KUBECHAT_NATS_PASSWORD",
    }
    assert credentials.service_env("identity") == {}


def test_configs_are_private_and_refuse_anonymous_clients(tmp_path: Path) -> None:
    credentials = BusCredentials()
    nats = nats_config(credentials, port=1, monitor_port=2, store_dir=tmp_path)
    redis = redis_config(credentials, port=3, data_dir=tmp_path)
    assert "no_auth_user" not in nats and "authorization {" in nats
    assert "user default off" in redis
    target = tmp_path / "secrets" / "nats.conf"
    target.parent.mkdir()
    target.write_text("old")
    target.chmod(0o644)
    write_private(target, nats)
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert target.read_text() == nats


def test_only_audit_reads_the_audit_trail() -> None:
    readers = [u for u, p in NATS_PERMISSIONS.items() if "kubechat.audit.v1.>" in p.subscribe]
    assert readers == ["audit"]
    consumers = [
        u for u, p in NATS_PERMISSIONS.items() if any("$JS.API.CONSUMER" in s for s in p.publish)
    ]
    assert consumers == ["audit"]
    writers = {u for u, p in NATS_PERMISSIONS.items() if "kubechat.audit.v1.>" in p.publish}
    assert writers == {"gateway", "executor"}


def test_the_chart_ships_the_permissions_the_stack_enforces() -> None:
    shipped = ROOT / "charts" / "kubechat" / "files" / "nats-authorization.conf"
    assert shipped.read_text() == deployed_nats_authorization(), (
        "regenerate it: python -c 'from kubechat_devstack.bus import "
        'deployed_nats_authorization as d; print(d(), end="")\' > ' + str(shipped)
    )
    for user in NATS_PERMISSIONS:
        assert f"${password_variable(user)}" in shipped.read_text()


def test_compose_runs_nats_and_redis_with_the_same_users() -> None:
    compose = yaml.safe_load((ROOT / "compose.yaml").read_text())["services"]
    nats = compose["nats"]
    assert "/etc/nats/nats-authorization.conf" in nats["command"]
    assert {password_variable(u) for u in NATS_PERMISSIONS} <= set(nats["environment"])
    passwords = {
        u: f"${{KUBECHAT_REDIS_{u.upper()}_PASSWORD:-dev-redis-{u}}}" for u in REDIS_ACCESS
    }
    expected = []
    for line in redis_users(passwords):
        directive, *args = line.split(" ")
        expected += [f"--{directive}", *args]
    command = compose["redis"]["command"]
    assert command[0] == "redis-server"
    assert command[command.index("--user") :] == expected
    # TLS only, as in the dev stack: the plaintext port closed, the TLS one where Redis was.
    assert command[command.index("--port") + 1] == "0"
    assert command[command.index("--tls-port") + 1] == "6379"
    assert "--tls" in nats["command"]
    for service, settings in compose.items():
        env = settings.get("environment") or {}
        for store, users in (("NATS", NATS_PERMISSIONS), ("REDIS", REDIS_ACCESS)):
            if service in users:
                assert env[f"KUBECHAT_{store}_USER"] == service
                assert env[f"KUBECHAT_{store}_PASSWORD"] == (
                    f"${{KUBECHAT_{store}_{service.upper()}_PASSWORD:-dev-{store.lower()}-{service}}}"
                )
