"""pytest fixtures for the Kubernetes test bed, loaded through the `pytest11` entry point.

A plugin (rather than a block in tests/e2e/conftest.py) so every test directory can use the
cluster without conftest imports. The fixtures are lazy: nothing starts unless a test asks.

- `kube_cluster`: ONE seeded cluster per test session (3 KWOK nodes), stopped at the end.
  It starts in the background as soon as collection shows a test will need it.
- `kube_client(who)`: a kubernetes ApiClient for admin, executor, alice, bob or carol.

When the binaries are missing the cluster tests are skipped with the command that builds
them, unless KUBECHAT_REQUIRE_TESTBED=1 (set in CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from kubernetes import client

from kubechat_devstack import builds
from kubechat_devstack.cluster import ClusterHandle, start_cluster
from kubechat_devstack.early import needed, start_early, take_early


def require_binaries() -> None:
    missing = builds.binaries().missing()
    if not missing:
        return
    message = f"test bed binaries missing ({missing[0]}...); run: bash testbed/build.sh"
    if os.environ.get("KUBECHAT_REQUIRE_TESTBED") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _start_e2e_cluster(base_dir: Path) -> ClusterHandle:
    return start_cluster("e2e", base_dir, nodes=3, build=False)


def _stop_cluster(handle: ClusterHandle) -> None:
    handle.stop()


def pytest_collection_finish(session: pytest.Session) -> None:
    # The cluster boots while the unit tests run (kubechat_devstack.early); when the
    # binaries are missing the fixture skips or fails as before.
    if needed(session, "kube_cluster") and not builds.binaries().missing():
        start_early(session.config, "kube_cluster", _start_e2e_cluster, _stop_cluster)


@pytest.fixture(scope="session")
def kube_cluster(
    tmp_path_factory: pytest.TempPathFactory, request: pytest.FixtureRequest
) -> Iterator[ClusterHandle]:
    require_binaries()
    early = take_early(request.config, "kube_cluster")
    handle = early.take() if early else _start_e2e_cluster(tmp_path_factory.mktemp("kube"))
    try:
        yield handle
    finally:
        handle.stop()


@pytest.fixture(scope="session")
def kube_client(kube_cluster: ClusterHandle) -> Iterator[Callable[[str], client.ApiClient]]:
    made: list[client.ApiClient] = []

    def make(who: str = "admin") -> client.ApiClient:
        api = kube_cluster.api_client(who)
        made.append(api)
        return api

    yield make
    for api in made:
        api.close()  # type: ignore[no-untyped-call]
