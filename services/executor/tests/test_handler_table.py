"""One handler per catalogue entry, checked when the table is built; risk and
verification come from the catalogue, not from the handlers."""

from __future__ import annotations

import dataclasses
from typing import Any, cast

import pytest

from kubechat.catalogue import CATALOGUE, Catalogue, Risk, Verification
from kubechat.errors import InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.discovery import Discovery
from kubechat_executor.kube import ClusterClient, Identity
from kubechat_executor.operations import (
    HANDLERS,
    Applied,
    CatalogueMismatch,
    Context,
    Handler,
    HandlerTable,
    Mutation,
    Unsupported,
)
from kubechat_executor.operations.base import DEPLOYMENTS, NODES, PODS
from kubechat_executor.verify import checks_for


def _all_handlers() -> list[Handler]:
    return [HANDLERS[name] for name in HANDLERS.names()]


def test_every_runnable_entry_has_a_handler_and_every_handler_an_entry() -> None:
    assert HANDLERS.names() == {e.name for e in CATALOGUE.runnable()}
    for entry in CATALOGUE.runnable():
        handler = HANDLERS[entry.name]
        if entry.risk is Risk.READ:
            assert handler.read is not None, entry.name
        else:
            assert handler.plan is not None, entry.name


def test_an_entry_with_neither_handler_nor_reason_fails_the_build() -> None:
    extra = dataclasses.replace(CATALOGUE["scale"], name="scale.twice", phrasings=("a", "b", "c"))
    catalogue = Catalogue((*CATALOGUE, extra))
    with pytest.raises(CatalogueMismatch, match="'scale.twice' has neither a handler nor"):
        HandlerTable(catalogue, _all_handlers())


def test_an_entry_that_says_why_it_cannot_run_needs_no_handler() -> None:
    extra = dataclasses.replace(
        CATALOGUE["scale"],
        name="scale.twice",
        phrasings=("a", "b", "c"),
        runnable=False,
        unsupported_reason="not a thing kubectl does",
        verification=Verification.NONE,
    )
    table = HandlerTable(Catalogue((*CATALOGUE, extra)), _all_handlers())
    with pytest.raises(Unsupported, match="not a thing kubectl does"):
        table.handler(common_pb2.Operation(verb="scale.twice"))


def test_a_handler_for_no_entry_or_for_an_unrunnable_one_fails_the_build() -> None:
    with pytest.raises(CatalogueMismatch, match="'frobnicate' has a handler but no catalogue"):
        HandlerTable(CATALOGUE, [*_all_handlers(), Handler("frobnicate")])
    with pytest.raises(CatalogueMismatch, match="'exec' is declared unrunnable but has"):
        HandlerTable(CATALOGUE, [*_all_handlers(), Handler("exec")])


def test_an_unrunnable_operation_answers_with_the_catalogue_reason() -> None:
    with pytest.raises(Unsupported, match="interactive stream"):
        HANDLERS.handler(common_pb2.Operation(verb="exec"))
    with pytest.raises(Unsupported, match="RegisterCluster"):
        HANDLERS.handler(common_pb2.Operation(verb="config.use-context"))
    with pytest.raises(InvalidArgument, match="not an operation KubeChat knows"):
        HANDLERS.handler(common_pb2.Operation(verb="format-disk"))


def _op(verb: str, **params: Any) -> common_pb2.Operation:
    op = common_pb2.Operation(verb=verb, name="x")
    for key, value in params.items():
        if isinstance(value, bool):
            op.params[key].bool_value = value
        elif isinstance(value, int):
            op.params[key].int_value = value
        elif isinstance(value, list):
            op.params[key].list_value.values.extend(value)
        else:
            op.params[key].string_value = value
    return op


@pytest.mark.parametrize(
    ("operation", "risk"),
    [
        (_op("get"), Risk.READ),
        (_op("scale", replicas=3), Risk.WRITE),
        (_op("scale", replicas=0), Risk.DESTRUCTIVE),
        (_op("scale", replicas="0"), Risk.DESTRUCTIVE),
        (_op("label", labels=["a=b"]), Risk.WRITE),
        (_op("label", list=True), Risk.READ),
        (_op("set.env", list="true"), Risk.READ),
        (_op("taint", taints=["k=v:NoExecute"]), Risk.DESTRUCTIVE),
        (_op("run", image="nginx", dry_run="server"), Risk.READ),
        (_op("drain"), Risk.DESTRUCTIVE),
        (common_pb2.Operation(verb="delete", label_selector="tier=cache"), Risk.DESTRUCTIVE),
    ],
)
def test_the_executor_classifies_with_the_catalogue_risk_function(
    operation: common_pb2.Operation, risk: Risk
) -> None:
    assert HANDLERS.risk(operation) is risk


def _applied(mutation: Mutation, before: Any = None, after: Any = None) -> list[Applied]:
    return [Applied(mutation, before, after)]


def test_the_declared_verification_picks_the_check() -> None:
    # Building a check reads nothing from the cluster; only polling does.
    ctx = Context(
        cluster=cast(ClusterClient, None),
        identity=Identity("alice", ()),
        operation=common_pb2.Operation(),
        discovery=Discovery(),
    )
    annotate = Mutation(
        "PATCH", "/p", PODS, "dev", "web-1", "update", {"metadata": {"annotations": {"a": "1"}}}
    )
    (check,) = checks_for(ctx, Verification.METADATA, _applied(annotate))
    assert check.condition == "pod/web-1 annotations: a=1"
    cordon = Mutation("PATCH", "/n", NODES, "", "n1", "update", {"spec": {"unschedulable": True}})
    (check,) = checks_for(ctx, Verification.SCHEDULABLE, _applied(cordon))
    assert check.condition == "node/n1 spec.unschedulable=True"
    same = {"spec": {"replicas": 3}}
    scale = Mutation("PATCH", "/d/scale", DEPLOYMENTS, "dev", "web", "update", same)
    (check,) = checks_for(ctx, Verification.REPLICAS, _applied(scale, same, same))
    assert check.condition == "rollout of deployment/web complete (3/3 available)"
    (check,) = checks_for(ctx, Verification.ACCEPTED, _applied(scale, same, same))
    assert "accepted by the API server" in check.condition
