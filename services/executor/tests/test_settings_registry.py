from __future__ import annotations

from pathlib import Path

import pytest
from cryptography.fernet import Fernet
from pydantic import ValidationError

from kubechat.errors import AlreadyExists, InvalidArgument, NotFound
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.crypto import dev_key
from kubechat_executor.registry import ClusterRegistry

KUBECONFIG = """
apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://10.0.0.1:6443"}}]
users: [{name: u, user: {token: super-secret-token}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
"""


def test_production_refuses_missing_placeholder_and_dev_keys() -> None:
    for key in ("", "changeme", dev_key()):
        with pytest.raises(ValidationError):
            ExecutorSettings(environment="production", encryption_key=key)
    with pytest.raises(ValidationError, match="not a Fernet key"):
        ExecutorSettings(encryption_key="not-a-key")
    real = Fernet.generate_key().decode()
    assert ExecutorSettings(environment="production", encryption_key=real).encryption_key == real
    assert ExecutorSettings(environment="dev").encryption_key == dev_key()


def registry(tmp_path: Path) -> ClusterRegistry:
    return ClusterRegistry(
        ExecutorSettings(
            database_url=f"sqlite:///{tmp_path / 'r.db'}", kubeconfig=str(tmp_path / "none")
        )
    )


def test_registered_credentials_are_encrypted_and_clusters_can_be_renamed_and_removed(
    tmp_path: Path,
) -> None:
    clusters = registry(tmp_path)
    info = clusters.register("east", {"environment": "production"}, kubeconfig=KUBECONFIG)
    assert info.server == "https://10.0.0.1:6443"
    assert b"super-secret-token" not in (tmp_path / "r.db").read_bytes()
    assert b"super-secret-token" not in clusters.raw_secret(info.id)
    assert clusters.get(info.id).server == "https://10.0.0.1:6443"
    with pytest.raises(AlreadyExists):
        clusters.register("east", {}, kubeconfig=KUBECONFIG)
    assert clusters.rename(info.id, "west").name == "west"
    assert [c.name for c in registry(tmp_path).list()] == ["west"]  # survives a restart
    clusters.remove(info.id)
    with pytest.raises(NotFound):
        clusters.get(info.id)


@pytest.mark.parametrize(
    "user",
    ["{exec: {command: /bin/sh}}", "{tokenFile: /etc/shadow}", "{client-key: /root/key}"],
)
def test_kubeconfigs_that_would_run_or_read_local_things_are_refused(
    tmp_path: Path, user: str
) -> None:
    text = KUBECONFIG.replace("{token: super-secret-token}", user)
    with pytest.raises(InvalidArgument):
        registry(tmp_path).register("bad", {}, kubeconfig=text)


def test_server_registration_needs_https(tmp_path: Path) -> None:
    with pytest.raises(InvalidArgument, match="https"):
        registry(tmp_path).register("plain", {}, server="http://x", token="t")
