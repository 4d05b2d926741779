"""The clusters this executor can reach: the default kubeconfig's, plus clusters
registered from a kubeconfig context or from server/CA/token, stored with SQLModel
(SQLite by default) and their credentials encrypted at rest. Each belongs to tenants
(tenancy.py): the `*_for` lookups answer a caller only about its own."""

from __future__ import annotations

import builtins
import json
import tempfile
import threading
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import inspect, text
from sqlalchemy.exc import IntegrityError
from sqlmodel import Field, Session, SQLModel, create_engine, select

from kubechat.errors import AlreadyExists, InvalidArgument, NotFound, PermissionDenied, Unavailable
from kubechat.v1 import common_pb2
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.crypto import Cipher
from kubechat_executor.kube import (
    ClusterClient,
    cluster_from_kubeconfig,
    cluster_from_server,
    default_kubeconfig,
    load_cluster,
)
from kubechat_executor.reach import check_kubeconfig, check_server, networks
from kubechat_executor.tenancy import may_change, may_use, not_registered

DEFAULT_CLUSTER = "default"


class ClusterRecord(SQLModel, table=True):
    __tablename__ = "executor_clusters"

    id: str = Field(primary_key=True)
    name: str = Field(index=True, unique=True)
    server: str
    labels_json: str = "{}"
    context: str = ""
    source: str  # "kubeconfig" or "server"
    secret: bytes  # Fernet(JSON credentials)
    created_at: float = Field(default_factory=time.time)
    # JSON list of tenant names. Clusters registered before tenancy have none: only a
    # platform-admin sees them until one registers them again for their tenants.
    tenants_json: str = "[]"


@dataclass
class ClusterInfo:
    id: str
    name: str
    server: str
    labels: dict[str, str] = field(default_factory=dict)
    tenants: tuple[str, ...] = ()


def _info(record: ClusterRecord) -> ClusterInfo:
    return ClusterInfo(
        record.id,
        record.name,
        record.server,
        json.loads(record.labels_json),
        tuple(json.loads(record.tenants_json or "[]")),
    )


class ClusterRegistry:
    def __init__(self, settings: ExecutorSettings) -> None:
        self._settings = settings
        self._cipher = Cipher(settings.encryption_key)
        connect_args = (
            {"check_same_thread": False} if settings.database_url.startswith("sqlite") else {}
        )
        self._engine = create_engine(settings.database_url, connect_args=connect_args)
        SQLModel.metadata.create_all(self._engine, tables=[ClusterRecord.__table__])  # type: ignore[attr-defined]
        self._add_tenants_column()
        self._clients: dict[str, ClusterClient] = {}
        self._lock = threading.Lock()
        # Registered clusters' CA files, written when their client is built; the directory
        # goes with the registry (and at exit), so no run leaves CA files behind in /tmp.
        self._ca_dir = tempfile.TemporaryDirectory(prefix="kubechat-executor-ca-")
        try:
            self._allowed = networks(settings.cluster_allowed_networks)
        except ValueError as exc:
            raise ValueError(f"KUBECHAT_CLUSTER_ALLOWED_NETWORKS: {exc}") from None

    def _add_tenants_column(self) -> None:
        # create_all never alters an existing table: a registry from before tenancy gets
        # the column here, every cluster in it assigned to no tenant.
        columns = {c["name"] for c in inspect(self._engine).get_columns("executor_clusters")}
        if "tenants_json" not in columns:
            with self._engine.begin() as connection:
                connection.execute(
                    text(
                        "ALTER TABLE executor_clusters "
                        "ADD COLUMN tenants_json VARCHAR NOT NULL DEFAULT '[]'"
                    )
                )

    # -- lookups -----------------------------------------------------------------------

    def _default_path(self) -> Path | None:
        return default_kubeconfig(self._settings.kubeconfig)

    def _default_info(self) -> ClusterInfo | None:
        path = self._default_path()
        if path is None or not path.exists():
            return None
        try:
            server = self.get(DEFAULT_CLUSTER).server
        except Exception:  # noqa: BLE001 - an unusable default is simply not listed
            return None
        return ClusterInfo(
            DEFAULT_CLUSTER,
            DEFAULT_CLUSTER,
            server,
            dict(self._settings.default_cluster_labels),
            tuple(self._settings.default_cluster_tenants),
        )

    def list(self) -> list[ClusterInfo]:
        """Every cluster, whoever it belongs to: for the executor's own work (health)."""
        infos = [i for i in [self._default_info()] if i is not None]
        with Session(self._engine) as session:
            for record in session.exec(select(ClusterRecord).order_by(ClusterRecord.name)):
                infos.append(_info(record))
        return infos

    def list_for(self, principal: common_pb2.Principal | None) -> builtins.list[ClusterInfo]:
        """The clusters `principal`'s tenant may see and use."""
        return [i for i in self.list() if may_use(i.tenants, principal)]

    def info_for(self, principal: common_pb2.Principal | None, cluster_id: str) -> ClusterInfo:
        """The cluster if `principal` may use it; another tenant's is as unknown as none."""
        cluster_id = cluster_id or DEFAULT_CLUSTER
        visible = self.list_for(principal)
        for info in visible:
            if info.id == cluster_id:
                return info
        raise not_registered(cluster_id, (i.id for i in visible))

    def get_for(self, principal: common_pb2.Principal | None, cluster_id: str) -> ClusterClient:
        cluster_id = cluster_id or DEFAULT_CLUSTER
        if cluster_id == DEFAULT_CLUSTER:
            # Checked without building the client, so "no kubeconfig" keeps its own answer.
            tenants = self._settings.default_cluster_tenants
            if not may_use(tenants, principal):
                raise not_registered(cluster_id, (i.id for i in self.list_for(principal)))
        else:
            self.info_for(principal, cluster_id)
        return self.get(cluster_id)

    def get(self, cluster_id: str) -> ClusterClient:
        cluster_id = cluster_id or DEFAULT_CLUSTER
        with self._lock:
            client = self._clients.get(cluster_id)
        if client is not None:
            return client
        client = self._build(cluster_id)
        with self._lock:
            self._clients.setdefault(cluster_id, client)
            return self._clients[cluster_id]

    def _build(self, cluster_id: str) -> ClusterClient:
        timeout = self._settings.request_timeout
        if cluster_id == DEFAULT_CLUSTER:
            path = self._default_path()
            if path is None:
                raise Unavailable(
                    f"no cluster '{DEFAULT_CLUSTER}': KUBECONFIG is not set and ~/.kube/config "
                    "does not exist; point KUBECONFIG at a cluster or run `make cluster-up`"
                )
            return load_cluster(DEFAULT_CLUSTER, path, self._settings.kube_context, timeout)
        with Session(self._engine) as session:
            record = session.get(ClusterRecord, cluster_id)
        if record is None:
            known = ", ".join(i.id for i in self.list()) or "none"
            raise NotFound(f"cluster '{cluster_id}' is not registered; known: {known}")
        secret = json.loads(self._cipher.decrypt(record.secret))
        # Checked again when the client is built: a name may resolve elsewhere by now.
        if record.source == "kubeconfig":
            config = yaml.safe_load(secret["kubeconfig"])
            check_kubeconfig(config, record.context, self._allowed)
            return cluster_from_kubeconfig(cluster_id, config, record.context, timeout)
        check_server(record.server, self._allowed)
        ca_file = None
        if secret.get("ca_pem"):
            ca_file = Path(self._ca_dir.name) / f"{cluster_id}.crt"
            ca_file.write_text(secret["ca_pem"])
            ca_file.chmod(0o600)
        return cluster_from_server(cluster_id, record.server, ca_file, secret["token"], timeout)

    # -- changes -----------------------------------------------------------------------

    def register(
        self,
        name: str,
        labels: dict[str, str],
        *,
        tenants: tuple[str, ...] = (),
        kubeconfig: str = "",
        context: str = "",
        server: str = "",
        ca_pem: str = "",
        token: str = "",
    ) -> ClusterInfo:
        name = name.strip()
        if not name or name == DEFAULT_CLUSTER:
            raise InvalidArgument("a cluster needs a name (and 'default' is reserved)")
        cluster_id = "c-" + uuid.uuid4().hex[:12]
        if kubeconfig:
            config = _parse_kubeconfig(kubeconfig)
            check_kubeconfig(config, context, self._allowed)
            # Building the client validates the context now, not at the first request.
            client = cluster_from_kubeconfig(cluster_id, config, context)
            source, secret = "kubeconfig", {"kubeconfig": kubeconfig}
            server = client.server
        elif server and token:
            check_server(server, self._allowed)
            source, secret = "server", {"ca_pem": ca_pem, "token": token}
        else:
            raise InvalidArgument("register a cluster from a kubeconfig or server+token")
        record = ClusterRecord(
            id=cluster_id,
            name=name,
            server=server,
            labels_json=json.dumps(labels, sort_keys=True),
            context=context,
            source=source,
            secret=self._cipher.encrypt(json.dumps(secret)),
            tenants_json=json.dumps(sorted(tenants)),
        )
        try:
            with Session(self._engine) as session:
                session.add(record)
                session.commit()
        except IntegrityError:
            raise AlreadyExists(f"a cluster named '{name}' is already registered") from None
        return ClusterInfo(cluster_id, name, server, dict(labels), tuple(sorted(tenants)))

    def rename(
        self, cluster_id: str, name: str, principal: common_pb2.Principal | None = None
    ) -> ClusterInfo:
        name = name.strip()
        if not name or name == DEFAULT_CLUSTER:
            raise InvalidArgument("a cluster needs a name (and 'default' is reserved)")
        try:
            with Session(self._engine) as session:
                record = self._record(session, cluster_id, principal)
                record.name = name
                session.add(record)
                session.commit()
                return _info(record)
        except IntegrityError:
            raise AlreadyExists(f"a cluster named '{name}' is already registered") from None

    def remove(self, cluster_id: str, principal: common_pb2.Principal | None = None) -> None:
        with Session(self._engine) as session:
            session.delete(self._record(session, cluster_id, principal))
            session.commit()
        with self._lock:
            client = self._clients.pop(cluster_id, None)
        if client is not None:
            client.api.close()  # type: ignore[no-untyped-call]

    def _record(
        self, session: Session, cluster_id: str, principal: common_pb2.Principal | None = None
    ) -> ClusterRecord:
        if cluster_id == DEFAULT_CLUSTER:
            raise InvalidArgument(
                "the default cluster comes from the executor's kubeconfig "
                "setting; it cannot be renamed or removed here"
            )
        record = session.get(ClusterRecord, cluster_id)
        tenants = json.loads(record.tenants_json or "[]") if record is not None else []
        if record is None or not may_use(tenants, principal):
            raise NotFound(f"cluster '{cluster_id}' is not registered")
        if not may_change(tenants, principal):
            raise PermissionDenied(
                f"cluster '{cluster_id}' is shared by several tenants; only a platform-admin "
                "may rename or remove it"
            )
        return record

    def raw_secret(self, cluster_id: str) -> bytes:
        """The stored ciphertext (tests check it holds no plaintext credential)."""
        with Session(self._engine) as session:
            return self._record(session, cluster_id).secret


def _parse_kubeconfig(text: str) -> dict[str, Any]:
    try:
        config = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise InvalidArgument(f"the kubeconfig is not valid YAML: {exc}") from None
    if not isinstance(config, dict) or not config.get("clusters"):
        raise InvalidArgument("the kubeconfig names no cluster")
    for entry in config.get("users") or []:
        user = entry.get("user") or {}
        if "exec" in user or "auth-provider" in user:
            # An exec plugin would run a program on the executor's host.
            raise InvalidArgument("kubeconfigs with exec or auth-provider plugins are refused")
        for key in ("client-certificate", "client-key", "tokenFile"):
            if key in user:
                raise InvalidArgument(
                    f"kubeconfig user field '{key}' points at a file; "
                    "embed the data (…-data) instead"
                )
    for entry in config.get("clusters") or []:
        if "certificate-authority" in (entry.get("cluster") or {}):
            raise InvalidArgument(
                "kubeconfig field 'certificate-authority' points at a file; "
                "embed it as certificate-authority-data"
            )
    return config
