"""The skeleton's ask path against a real cluster: plain language in, the API server's own
rows out, through gateway → nlp → executor."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.stack import Ports, Stack


@pytest.fixture(scope="module")
def mesh(kube_cluster: ClusterHandle, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    stack = Stack(
        base_dir=tmp_path_factory.mktemp("mesh-cluster"),
        ports=Ports.free(),
        kubeconfig=kube_cluster.kubeconfig("admin"),
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


def ask(stack: Stack, text: str) -> httpx.Response:
    return httpx.post(f"{stack.gateway_url}/api/v1/ask", json={"text": text}, timeout=30)


def test_list_pods_in_dev_returns_the_clusters_pods(mesh: Stack) -> None:
    response = ask(mesh, "list pods in dev")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "done"
    assert body["plan"]["kubectl"] == ["kubectl get pods -n dev"]
    table = body["results"][0]["table"]
    assert table["kind"] == "Pod"
    assert table["columns"][:5] == ["Name", "Ready", "Status", "Restarts", "Age"]
    names = [row[0] for row in table["rows"]]
    assert names, "the seeded dev namespace has pods"
    assert all(row[2] for row in table["rows"])


def test_deployments_across_all_namespaces(mesh: Stack) -> None:
    response = ask(mesh, "show deployments in all namespaces")
    assert response.status_code == 200, response.text
    table = response.json()["results"][0]["table"]
    assert "Namespace" in table["columns"] or "NAMESPACE" in [c.upper() for c in table["columns"]]
    names = {row[table["columns"].index("Name")] for row in table["rows"]}
    assert {"checkout", "frontend"} <= names


def test_unknown_namespace_gives_an_empty_table_not_an_error(mesh: Stack) -> None:
    response = ask(mesh, "list pods in no-such-namespace")
    assert response.status_code == 200, response.text
    assert response.json()["results"][0]["table"]["rows"] == []


def test_writes_are_not_run_without_confirmation(mesh: Stack) -> None:
    response = ask(mesh, "delete deployment checkout in prod")
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["status"] == "needs_confirmation"
    assert body["plan"]["risk"] == "destructive"
    assert body["results"] == []
