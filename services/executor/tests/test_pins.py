"""A selector delete runs only on the objects its preview showed (pins.py), and those pins
sit inside the sealed grant, where Redis cannot change them."""

from __future__ import annotations

import json
import time

import pytest

from kubechat.errors import FailedPrecondition, PermissionDenied
from kubechat_executor.confirm import Grant, GrantSealer, grant_key
from kubechat_executor.operations import Mutation
from kubechat_executor.operations.base import ref
from kubechat_executor.operations.delete import _preconditioned
from kubechat_executor.pins import check_pinned, pins_of

CONFIGMAPS = ref("", "v1", "ConfigMap", "configmaps")


def chosen(name: str, uid: str, namespace: str = "shop") -> Mutation:
    return Mutation(
        "DELETE",
        f"/api/v1/namespaces/{namespace}/configmaps/{name}",
        CONFIGMAPS,
        namespace,
        name,
        "delete",
        uid=uid,
        resource_version="7",
    )


def grant_pinning(*mutations: Mutation) -> Grant:
    return Grant(
        "t", "bob", "bob", "default", "h", time.time() + 60, pinned={"0": pins_of(mutations)}
    )


PREVIEWED = (chosen("a", "uid-a"), chosen("b", "uid-b"))


def test_the_same_objects_run() -> None:
    check_pinned(grant_pinning(*PREVIEWED), 0, list(PREVIEWED))
    # Objects the user named are bound by the plan hash; no pins needed.
    named = Mutation("DELETE", "/p", CONFIGMAPS, "shop", "a", "delete")
    check_pinned(None, 0, [named])


@pytest.mark.parametrize(
    ("now", "said"),
    [
        ([*PREVIEWED, chosen("c", "uid-c")], "began matching since the preview: shop/c"),
        ([PREVIEWED[0]], "no longer there: shop/b"),
        ([PREVIEWED[0], chosen("b", "uid-b2")], "replaced by new objects of the same name: shop/b"),
    ],
)
def test_a_changed_match_refuses_the_whole_delete(now: list[Mutation], said: str) -> None:
    with pytest.raises(FailedPrecondition, match="nothing was deleted") as refused:
        check_pinned(grant_pinning(*PREVIEWED), 0, now)
    assert said in refused.value.message


def test_a_grant_without_pins_never_runs_a_selector_delete() -> None:
    unpinned = Grant("t", "bob", "bob", "default", "h", time.time() + 60)
    with pytest.raises(FailedPrecondition, match="preview"):
        check_pinned(unpinned, 0, list(PREVIEWED))


def test_pins_are_sealed_with_the_grant() -> None:
    sealer = GrantSealer(grant_key("secret"))
    stored = json.loads(sealer.seal(grant_pinning(*PREVIEWED)))
    assert sealer.open(json.dumps(stored), "t").pinned["0"][1] == ["shop", "b", "uid-b", "7"]
    stored["grant"]["pinned"]["0"].append(["shop", "c", "uid-c", "1"])
    with pytest.raises(PermissionDenied, match="altered"):
        sealer.open(json.dumps(stored), "t")


def test_a_chosen_object_is_deleted_with_a_uid_precondition_and_its_options_in_the_body() -> None:
    body = _preconditioned([("propagationPolicy", "Background"), ("gracePeriodSeconds", "0")], "u")
    assert body["preconditions"] == {"uid": "u"}
    assert (body["propagationPolicy"], body["gracePeriodSeconds"]) == ("Background", 0)
