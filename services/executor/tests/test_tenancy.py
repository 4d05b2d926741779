"""Clusters belong to tenants: registered for the admin's own tenant (several only by a
platform-admin), invisible to every other tenant, and changed only by whom they belong to."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from kubechat.errors import InvalidArgument, NotFound, PermissionDenied
from kubechat.v1 import common_pb2
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.registry import ClusterRegistry
from kubechat_executor.tenancy import registration_tenants

KUBECONFIG = """
apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "https://10.0.0.1:6443"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
"""
ACME_ADMIN = common_pb2.Principal(user="ada", tenant="acme", roles=["admin"])
ACME_USER = common_pb2.Principal(user="bob", tenant="acme", roles=["operator"])
GLOBEX_ADMIN = common_pb2.Principal(user="gil", tenant="globex", roles=["admin"])
PLATFORM = common_pb2.Principal(user="pat", tenant="platform", roles=["platform-admin"])


def registry(tmp_path: Path, **settings: object) -> ClusterRegistry:
    defaults: dict[str, object] = {
        "database_url": f"sqlite:///{tmp_path / 'r.db'}",
        "kubeconfig": str(tmp_path / "none"),
    }
    return ClusterRegistry(ExecutorSettings(**{**defaults, **settings}))  # type: ignore[arg-type]


def test_who_may_register_for_which_tenants() -> None:
    assert registration_tenants(ACME_ADMIN, []) == ("acme",)
    assert registration_tenants(ACME_ADMIN, ["acme"]) == ("acme",)
    with pytest.raises(PermissionDenied, match="for tenant 'acme' only") as refused:
        registration_tenants(ACME_ADMIN, ["globex"])
    assert "platform-admin" in (refused.value.hint or "")
    with pytest.raises(PermissionDenied):
        registration_tenants(ACME_ADMIN, ["acme", "globex"])
    assert registration_tenants(PLATFORM, ["globex", "acme"]) == ("acme", "globex")
    with pytest.raises(InvalidArgument, match="default cluster only"):
        registration_tenants(PLATFORM, ["*"])


def test_a_tenant_sees_and_changes_only_its_own_clusters(tmp_path: Path) -> None:
    clusters = registry(tmp_path)
    mine = clusters.register("acme-east", {}, tenants=("acme",), kubeconfig=KUBECONFIG)
    shared = clusters.register("shared", {}, tenants=("acme", "globex"), kubeconfig=KUBECONFIG)
    theirs = clusters.register("globex-east", {}, tenants=("globex",), kubeconfig=KUBECONFIG)
    assert [c.name for c in clusters.list_for(ACME_USER)] == ["acme-east", "shared"]
    assert [c.name for c in clusters.list_for(GLOBEX_ADMIN)] == ["globex-east", "shared"]
    assert len(clusters.list_for(PLATFORM)) == 3
    # Another tenant's cluster is unknown, and the answer names none of its clusters.
    with pytest.raises(NotFound) as unknown:
        clusters.get_for(ACME_USER, theirs.id)
    assert "globex-east" not in unknown.value.message and theirs.id in unknown.value.message
    assert clusters.get_for(ACME_USER, mine.id).server == "https://10.0.0.1:6443"
    with pytest.raises(NotFound):
        clusters.rename(theirs.id, "mine-now", ACME_ADMIN)
    with pytest.raises(PermissionDenied, match="platform-admin"):
        clusters.remove(shared.id, ACME_ADMIN)
    assert clusters.rename(mine.id, "acme-west", ACME_ADMIN).tenants == ("acme",)
    clusters.remove(shared.id, PLATFORM)


def test_the_default_cluster_serves_the_configured_tenants(tmp_path: Path) -> None:
    kubeconfig = tmp_path / "kubeconfig"
    kubeconfig.write_text(KUBECONFIG)
    only_acme = registry(tmp_path, kubeconfig=str(kubeconfig), default_cluster_tenants=["acme"])
    assert [c.id for c in only_acme.list_for(ACME_USER)] == ["default"]
    assert only_acme.list_for(GLOBEX_ADMIN) == []
    with pytest.raises(NotFound):
        only_acme.get_for(GLOBEX_ADMIN, "")
    everyone = registry(tmp_path, kubeconfig=str(kubeconfig))
    assert [c.id for c in everyone.list_for(GLOBEX_ADMIN)] == ["default"]


def test_a_registry_from_before_tenancy_gets_the_column_and_no_tenant(tmp_path: Path) -> None:
    with sqlite3.connect(tmp_path / "r.db") as db:
        db.execute(
            "CREATE TABLE executor_clusters (id VARCHAR PRIMARY KEY, name VARCHAR UNIQUE, "
            "server VARCHAR, labels_json VARCHAR, context VARCHAR, source VARCHAR, "
            "secret BLOB, created_at FLOAT)"
        )
        db.execute(
            "INSERT INTO executor_clusters VALUES "
            "('c-old', 'old', 'https://10.0.0.2', '{}', '', 'server', x'00', 0)"
        )
    clusters = registry(tmp_path)
    assert clusters.list_for(ACME_ADMIN) == []
    assert [(c.id, c.tenants) for c in clusters.list_for(PLATFORM)] == [("c-old", ())]
