"""Helpers for the executor's end-to-end tests: principals, typed operations, and the
executor as a real process (with real NATS and Redis) talking to a test bed cluster."""

from __future__ import annotations

import asyncio
import base64
import json
import ssl
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import yaml

from kubechat.v1 import common_pb2, executor_pb2, executor_pb2_grpc
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.service_identity import channel_to
from kubechat_devstack.stack import Ports, Stack

ALICE = common_pb2.Principal(
    user="alice", tenant="acme", k8s_user="alice", k8s_groups=["kubechat:viewers-dev"]
)
BOB = common_pb2.Principal(
    user="bob", tenant="acme", k8s_user="bob", k8s_groups=["kubechat:operators"]
)
CAROL = common_pb2.Principal(
    user="carol", tenant="acme", k8s_user="carol", k8s_groups=["kubechat:admins"]
)
# Who calls that name no user (cluster registration and listing): a KubeChat admin, as the
# gateway would assert after checking the role.
CLUSTER_ADMIN = common_pb2.Principal(user="e2e-admin", tenant="acme", roles=["admin"])


def ref(group: str, version: str, kind: str, plural: str, namespaced: bool = True) -> Any:
    return common_pb2.ResourceRef(
        group=group, version=version, kind=kind, plural=plural, namespaced=namespaced
    )


PODS = ref("", "v1", "Pod", "pods")
NODES = ref("", "v1", "Node", "nodes", False)
NAMESPACES = ref("", "v1", "Namespace", "namespaces", False)
CONFIGMAPS = ref("", "v1", "ConfigMap", "configmaps")
SECRETS = ref("", "v1", "Secret", "secrets")
SERVICES = ref("", "v1", "Service", "services")
DEPLOYMENTS = ref("apps", "v1", "Deployment", "deployments")


def param(value: Any) -> common_pb2.ParamValue:
    if isinstance(value, bool):
        return common_pb2.ParamValue(bool_value=value)
    if isinstance(value, int):
        return common_pb2.ParamValue(int_value=value)
    if isinstance(value, list):
        return common_pb2.ParamValue(list_value=common_pb2.StringList(values=value))
    return common_pb2.ParamValue(string_value=str(value))


def op(
    verb: str,
    resource: Any = None,
    /,
    *,
    namespace: str = "",
    name: str = "",
    names: tuple[str, ...] = (),
    selector: str = "",
    field_selector: str = "",
    all_namespaces: bool = False,
    **params: Any,
) -> common_pb2.Operation:
    operation = common_pb2.Operation(
        verb=verb,
        namespace=namespace,
        name=name,
        names=list(names),
        label_selector=selector,
        field_selector=field_selector,
        all_namespaces=all_namespaces,
    )
    if resource is not None:
        operation.resource.CopyFrom(resource)
    for key, value in params.items():
        operation.params[key].CopyFrom(param(value))
    return operation


def plan(*operations: common_pb2.Operation, cluster_id: str = "") -> common_pb2.Plan:
    return common_pb2.Plan(
        operations=list(operations),
        kubectl=[o.verb for o in operations],
        cluster_id=cluster_id,
        risk=common_pb2.RISK_READ,  # the executor must not believe this
    )


def embedded_kubeconfig(handle: ClusterHandle, who: str = "executor") -> str:
    """The kubeconfig with the CA inlined: the registry refuses paths to local files."""
    config = yaml.safe_load(handle.kubeconfig(who).read_text())
    for entry in config["clusters"]:
        ca_path = Path(entry["cluster"].pop("certificate-authority"))
        entry["cluster"]["certificate-authority-data"] = base64.b64encode(
            ca_path.read_bytes()
        ).decode()
    return yaml.safe_dump(config)


class Executor:
    """A running executor process and a blocking stub to it."""

    def __init__(self, stack: Stack) -> None:
        self.stack = stack
        # As the gateway calls it: mTLS with its certificate, an assertion per principal.
        self.channel = channel_to(stack, "executor", CLUSTER_ADMIN)
        self.stub = executor_pb2_grpc.ExecutorServiceStub(self.channel)
        # Verbs that went through the gRPC API (answered or refused with a reason).
        self.seen: set[str] = set()

    def _record(self, the_plan: common_pb2.Plan) -> None:
        self.seen.update(o.verb for o in the_plan.operations)

    def execute(
        self,
        operations: list[common_pb2.Operation] | common_pb2.Plan,
        principal: common_pb2.Principal,
        *,
        token: str = "",
        cluster_id: str = "",
        cluster_ids: tuple[str, ...] = (),
        typed_name: str = "",
        timeout: float = 180.0,
    ) -> executor_pb2.ExecuteResponse:
        the_plan = operations if isinstance(operations, common_pb2.Plan) else plan(*operations)
        self._record(the_plan)
        response: executor_pb2.ExecuteResponse = self.stub.Execute(
            executor_pb2.ExecuteRequest(
                plan=the_plan,
                principal=principal,
                confirmation_token=token,
                cluster_id=cluster_id,
                cluster_ids=list(cluster_ids),
                typed_name=typed_name,
            ),
            timeout=timeout,
        )
        return response

    def preview(
        self,
        operations: list[common_pb2.Operation] | common_pb2.Plan,
        principal: common_pb2.Principal,
        *,
        cluster_id: str = "",
        ttl_seconds: int = 0,
    ) -> executor_pb2.PreviewResponse:
        the_plan = operations if isinstance(operations, common_pb2.Plan) else plan(*operations)
        self._record(the_plan)
        response: executor_pb2.PreviewResponse = self.stub.Preview(
            executor_pb2.PreviewRequest(
                plan=the_plan,
                principal=principal,
                cluster_id=cluster_id,
                ttl_seconds=ttl_seconds,
            ),
            timeout=60,
        )
        return response

    def run(
        self,
        operations: list[common_pb2.Operation],
        principal: common_pb2.Principal,
        *,
        cluster_id: str = "",
        typed_name: str = "",
    ) -> executor_pb2.ExecuteResponse:
        """Preview, then execute with the token: the confirmed path a user takes."""
        preview = self.preview(operations, principal, cluster_id=cluster_id)
        return self.execute(
            operations,
            principal,
            token=preview.confirmation_token,
            cluster_id=cluster_id,
            typed_name=typed_name,
        )

    def stream(
        self,
        operations: list[common_pb2.Operation],
        principal: common_pb2.Principal,
        token: str = "",
    ) -> list[executor_pb2.ExecutionEvent]:
        self._record(plan(*operations))
        return list(
            self.stub.ExecuteStream(
                executor_pb2.ExecuteRequest(
                    plan=plan(*operations), principal=principal, confirmation_token=token
                ),
                timeout=180,
            )
        )

    def close(self) -> None:
        self.channel.close()


@contextmanager
def running_executor(
    base_dir: Path, kubeconfig: Path | None, env: Mapping[str, str] | None = None
) -> Iterator[Executor]:
    stack = Stack(
        base_dir=base_dir,
        ports=Ports.free(),
        kubeconfig=kubeconfig,
        extra_env={
            "KUBECHAT_DATABASE_URL": f"sqlite:///{base_dir / 'executor.db'}",
            "KUBECHAT_VERIFY_INTERVAL": "0.5",
            "KUBECHAT_LOG_FORMAT": "text",
            # The test beds' API servers listen on loopback: allowed here, on purpose.
            "KUBECHAT_CLUSTER_ALLOWED_NETWORKS": '["127.0.0.1/32"]',
            **({"KUBECONFIG": "", "HOME": str(base_dir)} if kubeconfig is None else {}),
            **(env or {}),
        },
    )
    stack.start_nats()
    stack.start_redis()
    stack.start_service("executor")
    executor = Executor(stack)
    try:
        yield executor
    finally:
        executor.close()
        stack.stop()


def audit_events(
    nats_url: str, subject: str = "kubechat.audit.v1.>", tls: ssl.SSLContext | None = None
) -> list[dict[str, Any]]:
    """Every audit event stored so far on the stream (a fresh ordered consumer)."""
    import nats

    async def fetch() -> list[dict[str, Any]]:
        client = await nats.connect(nats_url, tls=tls)
        try:
            js = client.jetstream()
            subscription = await js.subscribe(subject, ordered_consumer=True)
            found: list[dict[str, Any]] = []
            while True:
                try:
                    message = await subscription.next_msg(timeout=1.0)
                except Exception:  # noqa: BLE001 - timeout: the stream is drained
                    return found
                found.append(json.loads(message.data))
        finally:
            await client.close()

    return asyncio.run(fetch())


class SubjectWatcher:
    """Collects core-NATS messages on `subject` in a background thread (live events)."""

    def __init__(self, nats_url: str, subject: str, tls: ssl.SSLContext | None = None) -> None:
        import threading

        self._tls = tls

        self.messages: list[dict[str, Any]] = []
        self._url, self._subject = nats_url, subject
        self._ready = threading.Event()
        self._loop = asyncio.new_event_loop()
        self._stop: asyncio.Event | None = None
        self._thread = threading.Thread(target=self._run, daemon=True)
        self._thread.start()
        assert self._ready.wait(10), "could not subscribe to NATS"

    def _run(self) -> None:
        import nats

        async def main() -> None:
            self._stop = asyncio.Event()
            client = await nats.connect(self._url, tls=self._tls)

            async def on_message(message: Any) -> None:
                self.messages.append(json.loads(message.data))

            await client.subscribe(self._subject, cb=on_message)
            await client.flush()
            self._ready.set()
            await self._stop.wait()
            await client.close()

        self._loop.run_until_complete(main())

    def close(self) -> None:
        if self._stop is not None:
            self._loop.call_soon_threadsafe(self._stop.set)
        self._thread.join(10)
