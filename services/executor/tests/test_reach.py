"""Cluster registration's SSRF guard: https only, no proxy, no loopback, link-local or
metadata address unless an administrator allows the range."""

from __future__ import annotations

from pathlib import Path

import pytest

from kubechat.errors import InvalidArgument, PermissionDenied, Unavailable
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.health import public_error
from kubechat_executor.reach import check_server, networks
from kubechat_executor.registry import ClusterRegistry

KUBECONFIG = """
apiVersion: v1
kind: Config
clusters: [{name: c, cluster: {server: "SERVER"}}]
users: [{name: u, user: {token: t}}]
contexts: [{name: x, context: {cluster: c, user: u}}]
current-context: x
"""


def registry(tmp_path: Path, allowed: list[str] | None = None) -> ClusterRegistry:
    return ClusterRegistry(
        ExecutorSettings(
            database_url=f"sqlite:///{tmp_path / 'r.db'}",
            kubeconfig=str(tmp_path / "none"),
            cluster_allowed_networks=allowed or [],
        )
    )


@pytest.mark.parametrize(
    "server",
    [
        "https://169.254.169.254",
        "https://[fd00:ec2::254]/",
        "https://127.0.0.1:6443",
        "https://[::1]:6443",
        "https://[::ffff:127.0.0.1]:6443",
        "https://0.0.0.0",
        "https://100.100.100.200",
        "https://[fe80::1]",
    ],
)
def test_metadata_loopback_and_link_local_servers_are_refused(tmp_path: Path, server: str) -> None:
    clusters = registry(tmp_path)
    with pytest.raises(InvalidArgument, match="may not be registered"):
        clusters.register("s", {}, server=server, token="t")
    with pytest.raises(InvalidArgument, match="may not be registered"):
        clusters.register("k", {}, kubeconfig=KUBECONFIG.replace("SERVER", server))


def test_a_name_resolving_to_metadata_is_refused() -> None:
    with pytest.raises(InvalidArgument, match="link-local"):
        check_server("https://api.example.com", (), lambda host, port: ["169.254.169.254"])
    # Every address counts: one bad address among good ones refuses the name.
    with pytest.raises(InvalidArgument):
        check_server("https://api.example.com", (), lambda h, p: ["10.0.0.5", "127.0.0.1"])
    check_server("https://api.example.com", (), lambda host, port: ["10.0.0.5"])


def test_plain_http_credentials_in_the_url_and_proxies_are_refused(tmp_path: Path) -> None:
    clusters = registry(tmp_path)
    with pytest.raises(InvalidArgument, match="https"):
        clusters.register("p", {}, server="http://10.0.0.1", token="t")
    with pytest.raises(InvalidArgument, match="https"):
        clusters.register("p", {}, kubeconfig=KUBECONFIG.replace("SERVER", "http://10.0.0.1"))
    with pytest.raises(InvalidArgument, match="credentials"):
        clusters.register("p", {}, server="https://u:p@10.0.0.1", token="t")
    proxied = KUBECONFIG.replace(
        '{server: "SERVER"}', '{server: "https://10.0.0.1", proxy-url: "http://127.0.0.1:3128"}'
    )
    with pytest.raises(InvalidArgument, match="proxy-url"):
        clusters.register("p", {}, kubeconfig=proxied)


def test_an_allowed_range_admits_a_local_test_bed(tmp_path: Path) -> None:
    clusters = registry(tmp_path, ["127.0.0.1/32"])
    info = clusters.register("bed", {}, server="https://127.0.0.1:6443", token="t")
    assert clusters.get(info.id).server == "https://127.0.0.1:6443"
    with pytest.raises(InvalidArgument):
        clusters.register("meta", {}, server="https://169.254.169.254", token="t")
    # Private ranges are where API servers live: allowed without asking.
    clusters.register("private", {}, server="https://10.1.2.3:6443", token="t")


def test_a_malformed_allow_range_is_a_settings_error() -> None:
    with pytest.raises(ValueError):
        networks(["not-a-cidr"])


def test_health_reports_never_echo_what_the_server_answered() -> None:
    leaked = Unavailable("cluster 'x' answered 500 for /version: internal-secret-page-body")
    assert public_error(leaked) == "the API server refused the check (HTTP 500)"
    assert "secret" not in public_error(PermissionDenied("metadata says: secret-role-creds"))
    unreachable = Unavailable("cluster 'x' at https://10.0.0.1 is unreachable: refused")
    assert public_error(unreachable) == unreachable.message
