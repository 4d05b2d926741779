"""Store fixtures: every store test runs against the embedded chdb engine, and again
against a ClickHouse server when KUBECHAT_CLICKHOUSE_URL is set (skipped otherwise).

chdb hosts one data path per process, so the whole session shares one directory and each
test gets a database of its own in it.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest

from kubechat_audit.clickhouse import ClientPool, client_factory
from kubechat_audit.config import AuditSettings
from kubechat_audit.store import ClickHouseStore


@pytest.fixture(scope="session")
def chdb_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("chdb")


def settings_for(backend: str, chdb_dir: Path, **overrides: object) -> AuditSettings:
    database = f"test_{uuid.uuid4().hex[:12]}"
    if backend == "server":
        url = os.environ.get("KUBECHAT_CLICKHOUSE_URL", "")
        if not url:
            pytest.skip("KUBECHAT_CLICKHOUSE_URL is not set: no ClickHouse server to test")
        return AuditSettings(
            clickhouse_url=url,
            clickhouse_user=os.environ.get("KUBECHAT_CLICKHOUSE_USER", "default"),
            clickhouse_password=os.environ.get("KUBECHAT_CLICKHOUSE_PASSWORD", ""),
            clickhouse_database=database,
            **overrides,  # type: ignore[arg-type]
        )
    return AuditSettings(data_dir=chdb_dir, clickhouse_database=database, **overrides)  # type: ignore[arg-type]


@pytest.fixture(params=["chdb", "server"])
def backend(request: pytest.FixtureRequest) -> str:
    value: str = request.param
    return value


@pytest.fixture
def make_store(backend: str, chdb_dir: Path) -> Iterator[object]:
    pools: list[tuple[ClientPool, str]] = []

    def make(**overrides: object) -> ClickHouseStore:
        settings = settings_for(backend, chdb_dir, **overrides)
        pool = ClientPool(client_factory(settings))
        store = ClickHouseStore(pool, settings.clickhouse_database, settings.retention_for)
        store.migrate()
        pools.append((pool, settings.clickhouse_database))
        return store

    yield make
    for pool, database in pools:
        pool.get().command(f"DROP DATABASE IF EXISTS {database}")
        pool.close()


@pytest.fixture
def store(make_store: object) -> ClickHouseStore:
    made: ClickHouseStore = make_store()  # type: ignore[operator]
    return made
