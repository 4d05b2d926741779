"""nlp's cluster views: decoded from the executor's answer, kept per cluster and identity,
refreshed only when the executor says the version changed, and never in the way of a turn
(executor down or slow: the last recent view, or none)."""

from __future__ import annotations

import asyncio
from typing import Any

import pytest

from kubechat.v1 import common_pb2, executor_pb2
from kubechat_nlp.cluster_views import ClusterViews, kind_info, view_from_proto
from kubechat_nlp.context import InMemoryContextStore
from kubechat_nlp.engine import RulesEngine
from kubechat_nlp.wiring import conversation_planner

ALICE = common_pb2.Principal(user="alice", k8s_user="alice", k8s_groups=["kubechat:viewers-dev"])
CAROL = common_pb2.Principal(user="carol", k8s_user="carol", k8s_groups=["kubechat:admins"])


def api_kind(group: str, kind: str, plural: str, singular: str = "") -> executor_pb2.ApiKind:
    return executor_pb2.ApiKind(
        resource=common_pb2.ResourceRef(
            group=group, version="v1", kind=kind, plural=plural, namespaced=True
        ),
        singular=singular,
    )


def sample_view() -> executor_pb2.ClusterView:
    view = executor_pb2.ClusterView(namespaces=["dev"])
    view.kinds.extend(
        [
            api_kind("", "Pod", "pods", "pod"),
            api_kind("kafka.strimzi.io", "KafkaTopic", "kafkatopics", "kafkatopic"),
        ]
    )
    view.objects.add(plural="deployments", group="apps", namespace="dev", name="frontend")
    pod = view.objects.add(
        plural="pods",
        namespace="dev",
        name="frontend-5d9f-abcde",
        owner_plural="deployments",
        owner_name="frontend",
        containers=["frontend"],
    )
    pod.labels["app"] = "frontend"
    view.objects.add(plural="nodes", name="node-0")
    return view


class FakeExecutor:
    def __init__(self, view: executor_pb2.ClusterView | None = None) -> None:
        self.view = view or sample_view()
        self.version = "v1"
        self.requests: list[executor_pb2.GetClusterViewRequest] = []
        self.fail: BaseException | None = None
        self.delay = 0.0

    async def __call__(
        self, request: executor_pb2.GetClusterViewRequest, timeout: float
    ) -> executor_pb2.GetClusterViewResponse:
        self.requests.append(request)
        if self.delay:
            await asyncio.wait_for(asyncio.sleep(self.delay), timeout)
        if self.fail is not None:
            raise self.fail
        if request.known_version == self.version:
            return executor_pb2.GetClusterViewResponse(version=self.version, unchanged=True)
        return executor_pb2.GetClusterViewResponse(version=self.version, view=self.view)


def test_the_executors_view_becomes_an_in_memory_view() -> None:
    view = view_from_proto(sample_view())
    (pod,) = view.pods_of("deployments", "dev", "frontend")
    assert pod.name == "frontend-5d9f-abcde" and pod.containers == ("frontend",)
    assert pod.labels == {"app": "frontend"}
    assert view.named("node-0")[0].namespace is None
    assert list(view.namespaces()) == ["dev"]


def test_discovered_kinds_keep_everyday_words_and_custom_ones_get_theirs() -> None:
    pods = kind_info(api_kind("", "Pod", "pods", "pod"))
    assert "po" in pods.short_names and "pods" in pods.synonyms
    topics = kind_info(api_kind("kafka.strimzi.io", "KafkaTopic", "kafkatopics", "kafkatopic"))
    assert {"kafka topic", "kafka topics", "kafkatopic"} <= set(topics.synonyms)
    assert topics.ref.group == "kafka.strimzi.io" and topics.ref.plural == "kafkatopics"


async def test_a_view_is_decoded_once_and_then_confirmed_by_version() -> None:
    executor = FakeExecutor()
    views = ClusterViews(executor)
    first = await views.view_for("", CAROL)
    assert first is not None and executor.requests[0].cluster_id == "default"
    again = await views.view_for("default", CAROL)
    assert again is first
    assert executor.requests[1].known_version == "v1"
    executor.version = "v2"
    assert await views.view_for("default", CAROL) is not first


async def test_identities_and_clusters_do_not_share_views() -> None:
    executor = FakeExecutor()
    views = ClusterViews(executor)
    carol = await views.view_for("default", CAROL)
    alice = await views.view_for("default", ALICE)
    other = await views.view_for("prod-eu", CAROL)
    assert carol is not alice and carol is not other
    assert [r.known_version for r in executor.requests] == ["", "", ""]
    assert executor.requests[1].principal.k8s_user == "alice"


async def test_without_a_kubernetes_identity_no_view_is_asked_for() -> None:
    executor = FakeExecutor()
    views = ClusterViews(executor)
    assert await views.view_for("default", common_pb2.Principal(user="x")) is None
    assert await views.view_for("default", None) is None
    assert not executor.requests


@pytest.mark.parametrize("fault", ["down", "slow"])
async def test_an_unreachable_or_slow_executor_never_fails_the_turn(fault: str) -> None:
    executor = FakeExecutor()
    views = ClusterViews(executor, timeout=0.05, stale_seconds=60.0)
    if fault == "down":
        executor.fail = ConnectionError("executor down")
    else:
        executor.delay = 1.0
    assert await views.view_for("default", CAROL) is None
    executor.fail, executor.delay = None, 0.0
    held = await views.view_for("default", CAROL)
    executor.fail = ConnectionError("executor down")
    # The last view of the same user, while recent.
    assert await views.view_for("default", CAROL) is held
    expired = ClusterViews(executor, stale_seconds=0.0)
    executor.fail = None
    await expired.view_for("default", CAROL)
    executor.fail = ConnectionError("executor down")
    assert await expired.view_for("default", CAROL) is None


async def test_the_planner_parses_with_the_users_view_and_passes_the_namespace_hint() -> None:
    executor = FakeExecutor()
    planner = conversation_planner(
        RulesEngine(), InMemoryContextStore(), "memory", ClusterViews(executor)
    )
    plan = await planner("list pods in dev", "c1", "default", "acme", principal=ALICE)
    assert plan.operations and executor.requests[0].principal.k8s_user == "alice"
    plan = await planner("show logs of frontend", "c1", "default", "acme", principal=ALICE)
    # Resolved against the live objects (the pod, or the Deployment that owns it), not the
    # literal name "frontend", which is no pod.
    (kubectl,) = plan.kubectl
    assert "frontend-5d9f-abcde" in kubectl or "deployment/frontend" in kubectl
    # The conversation's namespace is the hint for users who may not list namespaces.
    assert list(executor.requests[-1].namespaces) == ["dev"]


async def test_the_planner_without_views_or_principal_parses_as_before() -> None:
    planner: Any = conversation_planner(RulesEngine(), InMemoryContextStore(), "memory")
    plan = await planner("list pods in dev", "c2", "default")
    assert plan.operations
