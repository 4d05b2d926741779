"""The executor's cluster view against the real test bed, asked for as alice, bob and carol:
each sees exactly what they may list (alice never a name from `payments` or `prod`), pods
come with their top workload, the seeded CRDs appear in discovery, a repeat with the
version is "unchanged", and a new object shows up before the TTL through the watch. Then
nlp parses with the view: "why is payments-worker crashing?" finds the deployment's
namespace for carol and nothing for alice."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
from kubernetes import client

from kubechat.v1 import common_pb2, executor_pb2, intent_pb2, intent_pb2_grpc
from kubechat_devstack import rbac, seed
from kubechat_devstack.cluster import ClusterHandle
from kubechat_devstack.service_identity import channel_to
from tests.e2e.executor_support import ALICE, BOB, CAROL, Executor, running_executor

OTHERS = ("staging", "prod", "payments")


@pytest.fixture(scope="module")
def executor(
    kube_cluster: ClusterHandle, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Executor]:
    env = {
        **rbac.view_env(seed.NAMESPACES),
        # Long enough that only the watch can explain a view that changed within a test.
        "KUBECHAT_VIEW_TTL": "600",
        "KUBECHAT_VIEW_MIN_REFRESH": "0.5",
    }
    with running_executor(
        tmp_path_factory.mktemp("view"), kube_cluster.kubeconfig("executor"), env
    ) as running:
        yield running


def view_of(
    executor: Executor, principal: common_pb2.Principal, known: str = ""
) -> executor_pb2.GetClusterViewResponse:
    response: executor_pb2.GetClusterViewResponse = executor.stub.GetClusterView(
        executor_pb2.GetClusterViewRequest(principal=principal, known_version=known), timeout=60
    )
    return response


def objects(view: executor_pb2.ClusterView, plural: str) -> dict[str, Any]:
    return {f"{o.namespace}/{o.name}": o for o in view.objects if o.plural == plural}


def test_carol_sees_payments_worker_pods_owned_by_their_deployment(executor: Executor) -> None:
    response = view_of(executor, CAROL)
    view = response.view
    assert set(seed.NAMESPACES) <= set(view.namespaces)
    pods = [o for o in view.objects if o.plural == "pods" and o.namespace == "payments"]
    workers = [p for p in pods if p.name.startswith("payments-worker-")]
    assert workers, [p.name for p in pods]
    for pod in workers:
        assert (pod.owner_plural, pod.owner_name) == ("deployments", "payments-worker")
        assert list(pod.containers) == ["payments-worker"]
    assert "payments/payments-worker" in objects(view, "deployments")
    assert "prod/nightly-report" in objects(view, "cronjobs")
    redis = [o for o in view.objects if o.plural == "pods" and o.name.startswith("redis-")]
    assert redis and all(p.owner_plural == "statefulsets" for p in redis)
    # Secrets: names only.
    assert not objects(view, "secrets")["payments/stripe-api-key"].labels
    assert response.refresh.api_calls > 0 and response.refresh.duration_ms > 0


def test_the_seeded_crds_are_in_discovery_with_their_instances(executor: Executor) -> None:
    view = view_of(executor, CAROL).view
    kinds = {(k.resource.group, k.resource.plural): k for k in view.kinds}
    certificates = kinds[("cert-manager.io", "certificates")]
    assert certificates.resource.kind == "Certificate" and "cert" in certificates.short_names
    assert kinds[("kafka.strimzi.io", "kafkatopics")].resource.kind == "KafkaTopic"
    assert "prod/shop-tls" in objects(view, "certificates")
    assert "payments/payments-events" in objects(view, "kafkatopics")


def test_alice_sees_dev_and_never_a_name_from_elsewhere(executor: Executor) -> None:
    view = view_of(executor, ALICE).view
    assert list(view.namespaces) == ["dev"]
    assert {o.namespace for o in view.objects} == {"dev"}
    for namespace in OTHERS:
        assert namespace.encode() not in b"".join(o.SerializeToString() for o in view.objects), (
            namespace
        )
    assert "payments-worker" not in str(view.objects)
    frontend = [o for o in view.objects if o.plural == "pods" and o.name.startswith("frontend-")]
    assert frontend and all(
        (p.owner_plural, p.owner_name) == ("deployments", "frontend") for p in frontend
    )
    # The `view` role lists no secrets; discovery (public) still names the CRD kinds.
    assert not objects(view, "secrets")
    assert any(k.resource.plural == "certificates" for k in view.kinds)


def test_bob_sees_staging_and_prod_with_their_custom_resources(executor: Executor) -> None:
    view = view_of(executor, BOB).view
    assert list(view.namespaces) == ["prod", "staging"]
    assert {o.namespace for o in view.objects} == {"prod", "staging"}
    assert "prod/shop-tls" in objects(view, "certificates")
    assert "staging/checkout-db" in objects(view, "secrets")


def test_a_repeat_with_the_version_is_unchanged_and_answered_from_the_cache(
    executor: Executor,
) -> None:
    first = view_of(executor, CAROL)
    again = view_of(executor, CAROL, first.version)
    assert again.unchanged and again.version == first.version
    assert not again.view.objects and again.refresh.cached and again.refresh.api_calls == 0


def test_a_new_object_appears_before_the_ttl_through_the_watch(
    executor: Executor, kube_cluster: ClusterHandle
) -> None:
    before = view_of(executor, ALICE)
    core = client.CoreV1Api(kube_cluster.api_client("admin"))
    body: Any = {"metadata": {"name": "view-e2e"}, "spec": {"ports": [{"port": 80}]}}
    core.create_namespaced_service("dev", body)
    try:
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            now = view_of(executor, ALICE, before.version)
            if not now.unchanged and "dev/view-e2e" in objects(now.view, "services"):
                break
            time.sleep(0.3)
        else:
            pytest.fail("the new Service never reached alice's view")
    finally:
        core.delete_namespaced_service("view-e2e", "dev")


def test_nlp_resolves_names_against_the_users_view(executor: Executor) -> None:
    executor.stack.start_service("nlp")
    with channel_to(executor.stack, "nlp") as channel:
        stub = intent_pb2_grpc.IntentServiceStub(channel)

        def parse(principal: common_pb2.Principal, text: str) -> common_pb2.Plan:
            request = intent_pb2.ParseRequest(text=text, principal=principal)
            plan: common_pb2.Plan = stub.Parse(request, timeout=30).plan
            return plan

        question = "why is payments-worker crashing?"
        parse(CAROL, question)  # the first view may take longer than a turn waits
        time.sleep(1.0)
        carol = parse(CAROL, question)
        assert carol.operations and {o.namespace for o in carol.operations} == {"payments"}
        parse(ALICE, question)
        time.sleep(1.0)
        alice = parse(ALICE, question)
        # Not a word of where payments-worker lives: alice's view has no such name.
        assert all(o.namespace != "payments" for o in alice.operations)
        said = " ".join([*alice.kubectl, alice.clarification.question])
        assert "-n payments" not in said and "namespace payments" not in said
