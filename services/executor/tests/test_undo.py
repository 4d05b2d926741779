"""The undo of a change that ran, worked out from the objects before it: the handlers run
for real against a fake API server (the Kubernetes client boundary), then `undo_of` is
asked what puts the old state back."""

from __future__ import annotations

import copy
from typing import Any, cast

import pytest

from kubechat.errors import NotFound
from kubechat.v1 import common_pb2, executor_pb2
from kubechat_executor.discovery import Discovery
from kubechat_executor.kube import ClusterClient, Identity
from kubechat_executor.operations import HANDLERS, Context
from kubechat_executor.operations.base import DEPLOYMENTS, NODES, STATEFULSETS, ref
from kubechat_executor.preview import apply
from kubechat_executor.undo import operation, record_undo, undo_of

DEPLOY = "/apis/apps/v1/namespaces/shop/deployments/web"
NODE = "/api/v1/nodes/node-1"


def _merge(target: dict[str, Any], patch: dict[str, Any]) -> dict[str, Any]:
    """JSON merge patch, with lists of named items merged by name (strategic-ish)."""
    out = copy.deepcopy(target)
    for key, value in patch.items():
        if value is None:
            out.pop(key, None)
        elif isinstance(value, dict) and isinstance(out.get(key), dict):
            out[key] = _merge(out[key], value)
        elif (
            isinstance(value, list)
            and key in ("containers", "env")
            and isinstance(out.get(key), list)
        ):
            items = {i["name"]: i for i in out[key]}
            for item in value:
                if item.get("$patch") == "delete":
                    items.pop(item["name"], None)
                else:
                    items[item["name"]] = _merge(items.get(item["name"], {}), item)
            out[key] = list(items.values())
        else:
            out[key] = copy.deepcopy(value)
    return out


class FakeCluster:
    """Objects by path; GET, PATCH and POST as the API server would answer them."""

    name = "fake"
    server = "https://fake"

    def __init__(self, objects: dict[str, dict[str, Any]]) -> None:
        self.objects = copy.deepcopy(objects)

    def request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        base = path.removesuffix("/scale")
        if method == "GET":
            if base not in self.objects:
                raise NotFound(f"{path} not found")
            obj = self.objects[base]
            if path.endswith("/scale"):
                return {"kind": "Scale", "spec": {"replicas": obj["spec"]["replicas"]}}
            return copy.deepcopy(obj)
        if method == "PATCH":
            self.objects[base] = _merge(self.objects[base], kwargs["body"])
            return self.request("GET", path)
        if method == "POST":
            body = kwargs["body"]
            self.objects[f"{path}/{body['metadata']['name']}"] = body
            return copy.deepcopy(body)
        raise AssertionError(method)


def _deployment(**spec: Any) -> dict[str, Any]:
    return {
        "kind": "Deployment",
        "metadata": {"name": "web", "namespace": "shop", "labels": {"app": "web"}},
        "spec": {
            "replicas": 3,
            "template": {
                "spec": {
                    "serviceAccountName": "web",
                    "containers": [
                        {"name": "app", "image": "nginx:1.25", "env": [{"name": "A", "value": "1"}]}
                    ],
                }
            },
            **spec,
        },
    }


def _node(**spec: Any) -> dict[str, Any]:
    return {"kind": "Node", "metadata": {"name": "node-1"}, "spec": spec}


def _operation(
    verb: str, resource: common_pb2.ResourceRef, name: str, **params: Any
) -> common_pb2.Operation:
    return operation(verb, resource, "" if resource is NODES else "shop", name, **params)


def _run(cluster: FakeCluster, op: common_pb2.Operation) -> list[common_pb2.Operation]:
    """Runs `op` on the fake cluster and returns its undo, which must not carry a note."""
    ctx = Context(cast(ClusterClient, cluster), Identity("bob"), op, Discovery())
    plan = HANDLERS.handler(op).plan
    assert plan is not None
    applied = [apply(ctx, m, dry_run=False) for m in plan(ctx)]
    undo = undo_of(op.verb, applied)
    assert undo.note == "", undo.note
    return undo.operations


def _then_undo(cluster: FakeCluster, undo: list[common_pb2.Operation]) -> None:
    for op in undo:
        _run(cluster, op)


def _params(op: common_pb2.Operation) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for key, value in op.params.items():
        kind = value.WhichOneof("value") or ""
        out[key] = list(value.list_value.values) if kind == "list_value" else getattr(value, kind)
    return out


def test_a_scale_is_undone_by_scaling_back_to_the_count_before() -> None:
    cluster = FakeCluster({DEPLOY: _deployment()})
    (undo,) = _run(cluster, _operation("scale", DEPLOYMENTS, "web", replicas=5))
    assert (undo.verb, undo.name, undo.namespace) == ("scale", "web", "shop")
    assert undo.resource.plural == "deployments"
    # Guarded: the scale back happens only while the count is still the one we set.
    assert _params(undo) == {"replicas": 3, "current_replicas": 5}
    _then_undo(cluster, [undo])
    assert cluster.objects[DEPLOY]["spec"]["replicas"] == 3


def test_a_new_image_is_undone_by_setting_the_previous_one() -> None:
    cluster = FakeCluster({DEPLOY: _deployment()})
    (undo,) = _run(cluster, _operation("set.image", DEPLOYMENTS, "web", images=["*=nginx:1.27"]))
    assert undo.verb == "set.image"
    assert _params(undo) == {"images": ["app=nginx:1.25"]}
    _then_undo(cluster, [undo])
    assert cluster.objects[DEPLOY]["spec"]["template"]["spec"]["containers"][0]["image"] == (
        "nginx:1.25"
    )


def test_env_changes_are_undone_value_by_value() -> None:
    cluster = FakeCluster({DEPLOY: _deployment()})
    (undo,) = _run(cluster, _operation("set.env", DEPLOYMENTS, "web", env=["A=2", "B=x"]))
    assert _params(undo) == {"env": ["A=1", "B-"], "container": "app"}
    _then_undo(cluster, [undo])
    env = cluster.objects[DEPLOY]["spec"]["template"]["spec"]["containers"][0]["env"]
    assert env == [{"name": "A", "value": "1"}]


def test_template_changes_without_a_simple_inverse_roll_the_deployment_back() -> None:
    cluster = FakeCluster({DEPLOY: _deployment()})
    restart = _run(cluster, _operation("rollout.restart", DEPLOYMENTS, "web"))
    assert [(op.verb, op.name) for op in restart] == [("rollout.undo", "web")]
    limits = _operation("set.resources", DEPLOYMENTS, "web", limits="cpu=1")
    assert [op.verb for op in _run(cluster, limits)] == ["rollout.undo"]


def test_a_service_account_goes_back_to_the_previous_one() -> None:
    cluster = FakeCluster({DEPLOY: _deployment()})
    op = _operation("set.serviceaccount", DEPLOYMENTS, "web", serviceaccount="robot")
    (undo,) = _run(cluster, op)
    assert _params(undo) == {"serviceaccount": "web"}


def test_labels_get_their_old_values_back_and_added_ones_are_removed() -> None:
    cluster = FakeCluster({DEPLOY: _deployment()})
    op = _operation("label", DEPLOYMENTS, "web", labels=["app=shop", "tier=front"], overwrite=True)
    (undo,) = _run(cluster, op)
    assert _params(undo) == {"labels": ["app=web", "tier-"], "overwrite": True}
    _then_undo(cluster, [undo])
    assert cluster.objects[DEPLOY]["metadata"]["labels"] == {"app": "web"}


def test_cordon_and_uncordon_undo_each_other_only_when_they_changed_something() -> None:
    cluster = FakeCluster({NODE: _node()})
    (undo,) = _run(cluster, _operation("cordon", NODES, "node-1"))
    assert (undo.verb, undo.name, undo.namespace) == ("uncordon", "node-1", "")
    # Cordoning a node that is already cordoned changed nothing: nothing to undo.
    ctx_op = _operation("cordon", NODES, "node-1")
    ctx = Context(cast(ClusterClient, cluster), Identity("bob"), ctx_op, Discovery())
    plan = HANDLERS.handler(ctx_op).plan
    assert plan is not None
    again = undo_of("cordon", [apply(ctx, m, dry_run=False) for m in plan(ctx)])
    assert again.operations == [] and "nothing to undo" in again.note


def test_an_added_taint_is_removed() -> None:
    cluster = FakeCluster({NODE: _node()})
    (undo,) = _run(cluster, _operation("taint", NODES, "node-1", taints=["gpu=yes:NoSchedule"]))
    assert _params(undo) == {"taints": ["gpu:NoSchedule-"]}
    _then_undo(cluster, [undo])
    assert not cluster.objects[NODE]["spec"].get("taints")


def test_what_was_created_is_deleted() -> None:
    cluster = FakeCluster({})
    op = _operation("create.deployment", DEPLOYMENTS, "api", image="nginx")
    (undo,) = _run(cluster, op)
    assert (undo.verb, undo.name, undo.namespace) == ("delete", "api", "shop")
    assert undo.resource.plural == "deployments"


def test_deletes_drains_and_template_changes_off_deployments_say_why_not() -> None:
    assert "deleted object cannot be brought back" in undo_of("delete", []).note
    assert "drain cannot be undone" in undo_of("drain", []).note
    cluster = FakeCluster({"/apis/apps/v1/namespaces/shop/statefulsets/db": _deployment()})
    op = _operation("rollout.restart", STATEFULSETS, "db")
    ctx = Context(cast(ClusterClient, cluster), Identity("bob"), op, Discovery())
    plan = HANDLERS.handler(op).plan
    assert plan is not None
    undo = undo_of(op.verb, [apply(ctx, m, dry_run=False) for m in plan(ctx)])
    assert undo.operations == [] and "only a Deployment" in undo.note


@pytest.mark.parametrize(
    ("outcome", "has_undo"),
    [
        (executor_pb2.VERIFICATION_OUTCOME_VERIFIED, True),
        (executor_pb2.VERIFICATION_OUTCOME_FAILED, True),  # the change is still there
        (executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK, False),
    ],
)
def test_the_result_carries_the_undo_unless_the_change_was_rolled_back(
    outcome: executor_pb2.VerificationOutcome.ValueType, has_undo: bool
) -> None:
    cluster = FakeCluster({DEPLOY: _deployment()})
    op = _operation("scale", DEPLOYMENTS, "web", replicas=4)
    ctx = Context(cast(ClusterClient, cluster), Identity("bob"), op, Discovery())
    plan = HANDLERS.handler(op).plan
    assert plan is not None
    applied = [apply(ctx, m, dry_run=False) for m in plan(ctx)]
    result = executor_pb2.OperationResult(ok=True)
    result.verification.outcome = outcome
    record_undo(result, op, applied)
    assert bool(result.undo) is has_undo
    assert bool(result.undo_note) is not has_undo


def test_unknown_resources_keep_their_reference() -> None:
    widgets = ref("example.com", "v1", "Widget", "widgets")
    cluster = FakeCluster(
        {
            "/apis/example.com/v1/namespaces/shop/widgets/w": {
                "metadata": {"name": "w", "namespace": "shop"}
            }
        }
    )
    (undo,) = _run(cluster, _operation("annotate", widgets, "w", annotations=["note=hi"]))
    assert undo.resource.group == "example.com"
    assert _params(undo) == {"annotations": ["note-"], "overwrite": True}
