"""Talks to one cluster's API through the `kubernetes` client: REST calls built from a
typed ResourceRef, never kubectl, never a shell.

Lists ask the API server for its Table rendering (`as=Table`), so every kind, CRDs
included, comes back with the columns kubectl would show, without per-kind code here.
Every call carries the asking user's identity as impersonation headers; the executor's
own credentials may only impersonate, so Kubernetes RBAC decides what the user may do.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import urllib3
from kubernetes import client as k8s
from kubernetes import config as k8s_config
from urllib3 import HTTPHeaderDict

from kubechat.errors import (
    AlreadyExists,
    DeadlineExceeded,
    FailedPrecondition,
    InvalidArgument,
    KubeChatError,
    NotFound,
    PermissionDenied,
    ResourceExhausted,
    Unauthenticated,
    Unavailable,
)
from kubechat.v1 import common_pb2
from kubechat_executor.denied import denial, parse
from kubechat_executor.singleflight import SingleFlight

TABLE_ACCEPT = "application/json;as=Table;v=v1;g=meta.k8s.io,application/json"
JSON = "application/json"
MERGE_PATCH = "application/merge-patch+json"
STRATEGIC_PATCH = "application/strategic-merge-patch+json"
JSON_PATCH = "application/json-patch+json"
APPLY_PATCH = "application/apply-patch+yaml"


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


def identity_of(principal: common_pb2.Principal) -> Identity:
    """Who the cluster sees. Without a Kubernetes user nothing runs: the executor's own
    identity is never used for a user's request. The one place a principal becomes an
    identity, so verifiable tokens can replace request-body principals here."""
    if not principal.k8s_user:
        raise PermissionDenied(
            f"'{principal.user or 'anonymous'}' has no Kubernetes identity to act as; "
            "identity maps users to a Kubernetes user and groups"
        )
    return Identity(principal.k8s_user, tuple(principal.k8s_groups))


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
    _inflight: SingleFlight[bytes] = field(default_factory=SingleFlight, repr=False)

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
        query: list[tuple[str, str]] = [("includeObject", "Object")]
        if limit:
            query.append(("limit", str(limit)))
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
        accept: str = JSON,
        content_type: str = JSON,
        identity: Identity | None = None,
        explain_denial: bool = True,
    ) -> dict[str, Any]:
        data = self.request_bytes(
            method,
            path,
            query=query,
            body=body,
            accept=accept,
            content_type=content_type,
            identity=identity,
            explain_denial=explain_denial,
        )
        parsed: dict[str, Any] = json.loads(data) if data else {}
        return parsed

    def request_bytes(
        self,
        method: str,
        path: str,
        *,
        query: list[tuple[str, str]] | None = None,
        body: Any = None,
        accept: str = JSON,
        content_type: str = JSON,
        identity: Identity | None = None,
        explain_denial: bool = True,
    ) -> bytes:
        """`explain_denial=False`: a 403 is expected (probing what the user may list), so
        it is not followed by the access review that words the refusal for humans."""

        def send(verb: str, payload: Any, media: str) -> bytes:
            response = self._send(
                verb,
                path,
                query,
                payload,
                accept,
                media,
                identity,
                False,
                explain_denial=explain_denial,
            )
            data: bytes = response.data
            return data

        if method != "GET":
            return send(method, body, content_type)
        key = (path, tuple(query or ()), accept, identity, explain_denial)
        return self._inflight.run(key, lambda: send("GET", None, JSON))

    def stream_lines(
        self,
        path: str,
        *,
        query: list[tuple[str, str]] | None = None,
        identity: Identity | None = None,
        timeout: float = 300.0,
        accept: str = JSON,
    ) -> Iterator[bytes]:
        """Lines of a streaming GET (logs with follow, watches) until the server closes."""
        response = self._send(
            "GET", path, query, None, accept, JSON, identity, True, read_timeout=timeout
        )
        pending = b""
        try:
            for chunk in response.stream(4096, decode_content=True):
                pending += chunk
                *lines, pending = pending.split(b"\n")
                yield from lines
        except (urllib3.exceptions.ReadTimeoutError, urllib3.exceptions.ProtocolError):
            # The stream's time is up (or the server hung up): that ends the stream, it is
            # not an error of the request.
            pass
        finally:
            response.release_conn()
        if pending:
            yield pending

    def _send(
        self,
        method: str,
        path: str,
        query: list[tuple[str, str]] | None,
        body: Any,
        accept: str,
        content_type: str,
        identity: Identity | None,
        stream: bool,
        read_timeout: float | None = None,
        explain_denial: bool = True,
    ) -> Any:
        headers = HTTPHeaderDict({"Accept": accept, "Content-Type": content_type})
        configuration = self.api.configuration
        # The client's own auth settings: a kubeconfig token lands under "BearerToken", and
        # get_api_key_with_prefix runs the refresh hook for exec-plugin credentials.
        for setting in configuration.auth_settings().values():
            if setting.get("in") == "header" and setting.get("value"):
                headers[setting["key"]] = setting["value"]
        if identity is not None:
            identity.add_to(headers)
        url = configuration.host + path
        if query:
            url += "?" + urlencode(query)
        payload: bytes | None = None
        if body is not None:
            payload = body if isinstance(body, bytes) else json.dumps(body).encode()
        timeout = urllib3.Timeout(connect=self.timeout, read=read_timeout or self.timeout)
        # The client's own pool (TLS, client certs, proxies from the kubeconfig) with our
        # headers: call_api would flatten the repeated Impersonate-Group headers.
        try:
            response = self.api.rest_client.pool_manager.request(
                method,
                url,
                headers=headers,
                body=payload,
                timeout=timeout,
                retries=False,
                preload_content=not stream,
            )
        except urllib3.exceptions.ReadTimeoutError:
            raise DeadlineExceeded(
                f"cluster '{self.name}' did not answer {method} {path} within "
                f"{read_timeout or self.timeout:.0f} s"
            ) from None
        except (urllib3.exceptions.HTTPError, OSError) as exc:
            raise Unavailable(
                f"cluster '{self.name}' at {self.server} is unreachable: {_reason(exc)}"
            ) from None
        if response.status >= 400:
            data = response.data if not stream else response.read()
            explained = identity if explain_denial else None
            raise self._translate(response.status, data, method, path, explained)
        return response

    def _rbac_allows(self, method: str, path: str, identity: Identity) -> bool:
        """Ask the API server, as the user, whether RBAC allows the request that got a 403,
        so the message blames RBAC only when RBAC is the reason."""
        try:
            response = self._send(
                "POST",
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews",
                None,
                _access_review(method, path),
                JSON,
                JSON,
                identity,
                False,
            )
            review = json.loads(response.data)
        except (KubeChatError, ValueError):
            return False
        return bool((review.get("status") or {}).get("allowed"))

    def _translate(
        self, status: int, body: bytes, method: str, path: str, identity: Identity | None
    ) -> KubeChatError:
        message = f"HTTP {status}"
        try:
            message = json.loads(body).get("message") or message
        except (TypeError, ValueError, AttributeError):
            pass
        if status == 403 and identity is not None and identity.user:
            if not path.endswith("/selfsubjectaccessreviews") and self._rbac_allows(
                method, path, identity
            ):
                # Not RBAC: admission said no (a terminating namespace, a policy webhook).
                return PermissionDenied(message)
            text, hint = denial(method, path, identity.user, identity.groups)
            return PermissionDenied(text, hint=hint)
        if status == 403:
            return PermissionDenied(message)
        if status == 404:
            return NotFound(f"{message} (cluster '{self.name}')")
        if status == 401:
            return Unauthenticated(f"cluster '{self.name}' rejected KubeChat's credentials")
        if status == 409:
            if "already exists" in message:
                return AlreadyExists(message)
            return FailedPrecondition(message)
        if status in (400, 422):
            return InvalidArgument(message)
        if status == 410:
            return FailedPrecondition(
                f"{message}: the list changed too much since the first page; list again"
            )
        if status == 429:
            # Evictions blocked by a PodDisruptionBudget answer 429 too.
            return ResourceExhausted(message)
        return Unavailable(f"cluster '{self.name}' answered {status} for {path}: {message}")


def _access_review(method: str, path: str) -> dict[str, Any]:
    request = parse(method, path)
    attributes = {"verb": request.verb, "resource": request.plural, "group": request.group}
    if request.namespace and request.plural != "namespaces":
        attributes["namespace"] = request.namespace
    if request.name:
        attributes["name"] = request.name
    if request.subresource:
        attributes["subresource"] = request.subresource
    return {
        "apiVersion": "authorization.k8s.io/v1",
        "kind": "SelfSubjectAccessReview",
        "spec": {"resourceAttributes": attributes},
    }


def _reason(exc: BaseException) -> str:
    reason = getattr(exc, "reason", None)
    return str(reason or exc)[:300]


def default_kubeconfig(configured: str) -> Path | None:
    """The kubeconfig to use: the setting, then $KUBECONFIG, then ~/.kube/config."""
    for candidate in (configured, os.environ.get("KUBECONFIG", "")):
        if candidate:
            return Path(candidate.split(os.pathsep)[0])
    home = Path.home() / ".kube" / "config"
    return home if home.exists() else None


def _finish(name: str, configuration: k8s.Configuration, timeout: float) -> ClusterClient:
    # Many concurrent callers share one client; the default pool of 4 would serialise them.
    configuration.connection_pool_maxsize = 64
    return ClusterClient(name=name, api=k8s.ApiClient(configuration), timeout=timeout)


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
    return _finish(name, configuration, timeout)


def cluster_from_kubeconfig(
    name: str, kubeconfig: dict[str, Any], context: str = "", timeout: float = 15.0
) -> ClusterClient:
    configuration = k8s.Configuration()
    try:
        k8s_config.load_kube_config_from_dict(  # type: ignore[no-untyped-call]
            config_dict=kubeconfig,
            context=context or None,
            client_configuration=configuration,
        )
    except (k8s_config.ConfigException, KeyError, TypeError, ValueError) as exc:
        raise InvalidArgument(f"cluster '{name}': unusable kubeconfig: {exc}") from None
    return _finish(name, configuration, timeout)


def cluster_from_server(
    name: str, server: str, ca_file: Path | None, token: str, timeout: float = 15.0
) -> ClusterClient:
    configuration = k8s.Configuration()
    configuration.host = server.rstrip("/")
    configuration.api_key = {"BearerToken": token}
    configuration.api_key_prefix = {"BearerToken": "Bearer"}
    if ca_file is not None:
        configuration.ssl_ca_cert = str(ca_file)
    return _finish(name, configuration, timeout)
