"""pytest fixtures for the Kubernetes test bed, loaded through the `pytest11` entry point.

A plugin (rather than a block in tests/e2e/conftest.py) so every test directory can use the
cluster without conftest imports. The fixtures are lazy: nothing starts unless a test asks.

- `kube_cluster`: ONE seeded cluster per test session (3 KWOK nodes), stopped at the end.
- `kube_client(who)`: a kubernetes ApiClient for admin, executor, alice, bob or carol.

When the binaries are missing the cluster tests are skipped with the command that builds
them, unless KUBECHAT_REQUIRE_TESTBED=1 (set in CI), which turns the skip into a failure.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator

import pytest
from kubernetes import client

from kubechat_devstack import builds
from kubechat_devstack.cluster import ClusterHandle, start_cluster


def require_binaries() -> None:
    missing = builds.binaries().missing()
    if not missing:
        return
    message = f"test bed binaries missing ({missing[0]}...); run: bash testbed/build.sh"
    if os.environ.get("KUBECHAT_REQUIRE_TESTBED") == "1":
        pytest.fail(message)
    pytest.skip(message)


@pytest.fixture(scope="session")
def kube_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[ClusterHandle]:
    require_binaries()
    handle = start_cluster("e2e", tmp_path_factory.mktemp("kube"), nodes=3, build=False)
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
