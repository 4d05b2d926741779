"""Talks to one cluster's API through the `kubernetes` client: REST calls built from a
typed ResourceRef, never kubectl, never a shell.

Lists ask the API server for its Table rendering (`as=Table`), so every kind, CRDs
included, comes back with the columns kubectl would show, without per-kind code here.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import urllib3
from kubernetes import client as k8s
from kubernetes import config as k8s_config
from urllib3 import HTTPHeaderDict

from kubechat.errors import (
    InvalidArgument,
    KubeChatError,
    NotFound,
    PermissionDenied,
    Unauthenticated,
    Unavailable,
)

TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"


@dataclass(frozen=True)
class Identity:
    """Who the API server should believe is calling (impersonation headers)."""

    user: str = ""
    groups: tuple[str, ...] = ()

    def add_to(self, headers: HTTPHeaderDict) -> None:
        # The API server reads each group from its own Impersonate-Group header; a
        # comma-joined value would be taken as one group name.
        if self.user:
            headers.add("Impersonate-User", self.user)
            for group in self.groups:
                headers.add("Impersonate-Group", group)


@dataclass(frozen=True)
class Table:
    columns: list[dict[str, Any]]
    rows: list[dict[str, Any]]
    continue_token: str = ""
    remaining: int = 0


@dataclass
class ClusterClient:
    """One cluster's API client. Thread-safe for concurrent calls (urllib3 pool)."""

    name: str
    api: k8s.ApiClient
    timeout: float = 15.0

    @property
    def server(self) -> str:
        return str(self.api.configuration.host)

    def list_table(
        self,
        path: str,
        *,
        label_selector: str = "",
        field_selector: str = "",
        limit: int = 500,
        continue_token: str = "",
        identity: Identity | None = None,
    ) -> Table:
        query: list[tuple[str, str]] = [("includeObject", "Object"), ("limit", str(limit))]
        if label_selector:
            query.append(("labelSelector", label_selector))
        if field_selector:
            query.append(("fieldSelector", field_selector))
        if continue_token:
            query.append(("continue", continue_token))
        body = self.request("GET", path, query=query, accept=TABLE_ACCEPT, identity=identity)
        if body.get("kind") != "Table":
            raise KubeChatError(
                f"{self.name}: expected a Table from {path}, got {body.get('kind')}"
            )
        metadata = body.get("metadata") or {}
        return Table(
            columns=body.get("columnDefinitions") or [],
            rows=body.get("rows") or [],
            continue_token=metadata.get("continue") or "",
            remaining=int(metadata.get("remainingItemCount") or 0),
        )

    def request(
        self,
        method: str,
        path: str,
        *,
        query: list[tuple[str, str]] | None = None,
        body: Any = None,
        accept: str = "application/json",
        identity: Identity | None = None,
    ) -> dict[str, Any]:
        headers = HTTPHeaderDict({"Accept": accept, "Content-Type": "application/json"})
        configuration = self.api.configuration
        token = configuration.api_key.get("authorization") if configuration.api_key else None
        if token:
            headers["Authorization"] = token
        if identity is not None:
            identity.add_to(headers)
        url = configuration.host + path
        if query:
            url += "?" + urlencode(query)
        payload = json.dumps(body).encode() if body is not None else None
        # The client's own pool (TLS, client certs, proxies from the kubeconfig) with our
        # headers: call_api would flatten the repeated Impersonate-Group headers.
        try:
            response = self.api.rest_client.pool_manager.request(
                method, url, headers=headers, body=payload, timeout=self.timeout, retries=False
            )
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise Unavailable(
                f"cluster '{self.name}' at {self.server} is unreachable: {_reason(exc)}"
            ) from None
        if response.status >= 400:
            raise _translate(response.status, response.data, self.name, path)
        data: dict[str, Any] = json.loads(response.data)
        return data


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason or exc)[:300]


def _translate(status: int, body: bytes, cluster: str, path: str) -> KubeChatError:
    message = f"HTTP {status}"
    try:
        message = json.loads(body).get("message") or message
    except (TypeError, ValueError, AttributeError):
        pass
    if status == 404:
        return NotFound(f"{message} (cluster '{cluster}')")
    if status == 403:
        return PermissionDenied(message)
    if status == 401:
        return Unauthenticated(f"cluster '{cluster}' rejected KubeChat's credentials")
    if status in (400, 422):
        return InvalidArgument(message)
    return Unavailable(f"cluster '{cluster}' answered {status} for {path}: {message}")


def default_kubeconfig(configured: str) -> Path | None:
    """The kubeconfig to use: the setting, then $KUBECONFIG, then ~/.kube/config."""
    for candidate in (configured, os.environ.get("KUBECONFIG", "")):
        if candidate:
            return Path(candidate.split(os.pathsep)[0])
    home = Path.home() / ".kube" / "config"
    return home if home.exists() else None


def load_cluster(
    name: str, kubeconfig: Path, context: str = "", timeout: float = 15.0
) -> ClusterClient:
    if not kubeconfig.exists():
        raise Unavailable(f"cluster '{name}': kubeconfig {kubeconfig} does not exist")
    configuration = k8s.Configuration()
    k8s_config.load_kube_config(  # type: ignore[no-untyped-call]
        config_file=str(kubeconfig),
        context=context or None,
        client_configuration=configuration,
    )
    # Many concurrent callers share one client; the default pool of 4 would serialise them.
    configuration.connection_pool_maxsize = 64
    return ClusterClient(name=name, api=k8s.ApiClient(configuration), timeout=timeout)
