"""ClickHouse clients: the embedded chdb engine by default, a server when a URL is set.

Every read and write goes through clickhouse-connect, so the code that runs in tests on
chdb is the code that runs in production on a server. Each thread gets its own client:
queries on separate chdb handles run in parallel (one handle answers a second query with
an empty result while it is busy), and an HTTP client is not meant to be shared.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from typing import Any
from urllib.parse import urlparse

import clickhouse_connect
from clickhouse_connect.driver.client import Client

from kubechat.errors import InvalidArgument
from kubechat_audit.config import AuditSettings

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,62}$")

ClientFactory = Callable[[], Client]


def checked_database(name: str) -> str:
    # The database name is spliced into DDL, so it must be a plain identifier.
    if not _IDENTIFIER.match(name):
        raise InvalidArgument(f"KUBECHAT_CLICKHOUSE_DATABASE {name!r} is not a plain identifier")
    return name


def client_factory(settings: AuditSettings) -> ClientFactory:
    """A function that opens one more client to the configured ClickHouse."""
    if not settings.clickhouse_url:
        path = settings.data_dir.resolve()
        path.mkdir(parents=True, exist_ok=True)

        def embedded() -> Client:
            return clickhouse_connect.get_client(interface="chdb", path=str(path))

        return embedded

    url = urlparse(settings.clickhouse_url)
    secure = url.scheme == "https"
    options: dict[str, Any] = {
        "host": url.hostname or "127.0.0.1",
        "port": url.port or (8443 if secure else 8123),
        "username": settings.clickhouse_user,
        "password": settings.clickhouse_password,
        "secure": secure,
        "verify": settings.clickhouse_verify_tls,
        "connect_timeout": 5,
        "send_receive_timeout": 60,
        "autogenerate_session_id": False,
    }
    if settings.clickhouse_ca_cert:
        options["ca_cert"] = settings.clickhouse_ca_cert

    def server() -> Client:
        return clickhouse_connect.get_client(**options)

    return server


class ClientPool:
    """One client per thread, opened on first use."""

    def __init__(self, factory: ClientFactory) -> None:
        self._factory = factory
        self._local = threading.local()
        self._all: list[Client] = []
        self._lock = threading.Lock()

    def get(self) -> Client:
        client: Client | None = getattr(self._local, "client", None)
        if client is None:
            client = self._factory()
            self._local.client = client
            with self._lock:
                self._all.append(client)
        return client

    def close(self) -> None:
        with self._lock:
            clients, self._all = self._all, []
        for client in clients:
            client.close()
