"""Fixtures for end-to-end tests: real processes on 127.0.0.1, started once per session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from kubechat_devstack.stack import Ports, Stack

# Identity fixtures (Keycloak, identity service, OIDC gateway, LDAP); a star import because
# pytest_plugins is refused in a non-root conftest.
from tests.e2e.keycloak_fixtures import *  # noqa: E402, F403
from tests.e2e.keycloak_fixtures import start_keycloak_early


@pytest.fixture(scope="session")
def mesh_without_cluster(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """NATS, Redis and the five services, with no Kubernetes cluster configured."""
    base = tmp_path_factory.mktemp("mesh")
    home = base / "home"
    home.mkdir()
    # No KUBECONFIG and an empty home: the executor must say that no cluster is configured.
    stack = Stack(
        base_dir=base, ports=Ports.free(), extra_env={"KUBECONFIG": "", "HOME": str(home)}
    )
    try:
        stack.start_all()
        yield stack
    finally:
        stack.stop()


def pytest_collection_finish(session: pytest.Session) -> None:
    start_keycloak_early(session)


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    # Everything under tests/e2e starts real processes.
    for item in items:
        if Path(str(item.fspath)).is_relative_to(Path(__file__).parent):
            item.add_marker(pytest.mark.e2e)
