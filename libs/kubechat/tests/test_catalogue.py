"""The one catalogue: its data holds together, and the one risk function's rules."""

from __future__ import annotations

import dataclasses
from collections import Counter

import pytest

from kubechat.catalogue import (
    CATALOGUE,
    Catalogue,
    CatalogueError,
    ParamType,
    Risk,
    Verification,
    operation_risk,
    plan_risk,
    risk_to_proto,
)
from kubechat.v1 import common_pb2

# -- integrity --------------------------------------------------------------------------


def test_names_are_unique_and_a_duplicate_is_refused() -> None:
    names = [e.name for e in CATALOGUE]
    assert len(names) == len(set(names)) == len(CATALOGUE) >= 70
    with pytest.raises(CatalogueError, match="duplicate"):
        Catalogue((CATALOGUE["get"], CATALOGUE["get"]))


def test_every_parameter_is_typed_and_every_placeholder_declared() -> None:
    for entry in CATALOGUE:
        for param in entry.params:
            assert isinstance(param.type, ParamType), (entry.name, param.name)
            assert param.description, (entry.name, param.name)
        for key in entry.required_params:
            assert entry.param(key) is not None, (entry.name, key)
    assert CATALOGUE["scale"].required_params == ("replicas",)
    assert CATALOGUE["create.service"].required_params == ("type",)


def test_every_unrunnable_entry_says_why() -> None:
    unrunnable = [e for e in CATALOGUE if not e.runnable]
    assert {"exec", "attach", "port-forward", "cp", "debug", "edit", "diff"} <= {
        e.name for e in unrunnable
    }
    for entry in unrunnable:
        assert len(entry.unsupported_reason) > 20, entry.name
    for entry in CATALOGUE.runnable():
        assert not entry.unsupported_reason, entry.name


def test_an_unrunnable_entry_without_a_reason_is_refused() -> None:
    silent = dataclasses.replace(CATALOGUE["exec"], unsupported_reason="")
    with pytest.raises(CatalogueError, match="exec: runnable entries carry no reason"):
        Catalogue((silent,))
    contradictory = dataclasses.replace(CATALOGUE["get"], unsupported_reason="because")
    with pytest.raises(CatalogueError, match="get: "):
        Catalogue((contradictory,))


def test_every_runnable_change_declares_how_it_is_verified() -> None:
    for entry in CATALOGUE.runnable():
        if entry.risk is Risk.READ:
            assert entry.verification is Verification.NONE, entry.name
        else:
            assert entry.verification is not Verification.NONE, entry.name
    assert CATALOGUE["scale"].verification is Verification.REPLICAS
    assert CATALOGUE["delete"].verification is Verification.DELETED
    unverified = dataclasses.replace(CATALOGUE["scale"], verification=Verification.NONE)
    with pytest.raises(CatalogueError, match="verification"):
        Catalogue((unverified,))


def test_phrasings_are_plain_and_each_belongs_to_one_entry() -> None:
    for entry in CATALOGUE:
        assert 3 <= len(entry.phrasings) <= 12, entry.name
        assert all(p == p.strip().lower() for p in entry.phrasings), entry.name
    claimed = Counter(p for e in CATALOGUE for p in e.phrasings)
    assert [p for p, n in claimed.items() if n > 1] == []
    assert "resize" in CATALOGUE["scale"].phrasings
    shouting = dataclasses.replace(CATALOGUE["scale"], phrasings=("Scale", "resize", "bump"))
    with pytest.raises(CatalogueError, match="lower-case"):
        Catalogue((shouting,))


def test_kinds_and_namespaces_are_declared_where_they_are_fixed() -> None:
    assert CATALOGUE["drain"].kinds == ("nodes",) and not CATALOGUE["drain"].namespaced
    assert "statefulsets" in CATALOGUE["scale"].kinds
    assert CATALOGUE["get"].kinds == ()  # any kind, custom resources included
    assert not CATALOGUE["create.namespace"].namespaced
    assert CATALOGUE["create.role"].namespaced


# -- the risk function --------------------------------------------------------------------


def risk(verb: str, **params: object) -> Risk:
    return operation_risk(verb, params, targets=("x",))


def test_base_risk_comes_from_the_entry() -> None:
    assert risk("get") is Risk.READ
    assert risk("scale", replicas=3) is Risk.WRITE
    assert risk("delete") is Risk.DESTRUCTIVE
    with pytest.raises(KeyError):
        risk("format-disk")


@pytest.mark.parametrize("replicas", [0, "0", 0.0])
def test_scale_to_zero_is_destructive(replicas: object) -> None:
    assert risk("scale", replicas=replicas) is Risk.DESTRUCTIVE


def test_scale_to_a_positive_count_or_a_flag_stays_a_write() -> None:
    assert risk("scale", replicas=1) is Risk.WRITE
    # A boolean is not a replica count, even though False == 0 in Python.
    assert risk("scale", replicas=False) is Risk.WRITE


@pytest.mark.parametrize(
    "argv",
    [
        ["rm", "-rf", "/data"],
        ["/bin/kill", "1"],
        ["sh", "-c", "echo hi; rm -rf /var/lib/db"],
        ["bash", "-c", "psql -c 'drop table users'"],
    ],
)
def test_exec_of_a_destroying_command_is_destructive(argv: list[str]) -> None:
    assert risk("exec", argv=argv) is Risk.DESTRUCTIVE


def test_exec_of_a_harmless_command_stays_a_write() -> None:
    assert risk("exec", argv=["ls", "-l", "/tmp/rmdir-notes"]) is Risk.WRITE


def test_a_noexecute_taint_evicts_and_is_destructive() -> None:
    assert risk("taint", taints=["dedicated=db:NoExecute"]) is Risk.DESTRUCTIVE
    assert risk("taint", taints=["dedicated=db:NoSchedule"]) is Risk.WRITE


def test_apply_with_prune_deletes_and_is_destructive() -> None:
    assert risk("apply", prune=True) is Risk.DESTRUCTIVE
    assert risk("apply", prune=False) is Risk.WRITE


@pytest.mark.parametrize("value", ["server", "client", True])
def test_a_dry_run_only_reads(value: object) -> None:
    assert risk("run", dry_run=value, image="nginx") is Risk.READ
    assert risk("drain", dry_run=value) is Risk.READ
    assert operation_risk("drain", {"dry_run": value}, label_selector="pool=old") is Risk.READ


def test_dry_run_none_is_a_real_run() -> None:
    assert risk("run", dry_run="none") is Risk.WRITE
    assert risk("drain", dry_run="none") is Risk.DESTRUCTIVE


def test_a_parameter_the_verb_does_not_declare_lowers_nothing() -> None:
    assert risk("delete", dry_run="server", list=True) is Risk.DESTRUCTIVE
    assert risk("scale", replicas=2, list=True) is Risk.WRITE


@pytest.mark.parametrize("verb", ["label", "annotate", "set.env"])
def test_list_only_reads(verb: str) -> None:
    assert risk(verb, list=True) is Risk.READ
    assert risk(verb, list="true") is Risk.READ
    assert risk(verb, list=False) is Risk.WRITE


def test_a_delete_of_a_whole_set_is_destructive() -> None:
    assert operation_risk("delete", {}, label_selector="tier=cache") is Risk.DESTRUCTIVE
    assert operation_risk("delete", {"all": True}) is Risk.DESTRUCTIVE
    assert operation_risk("delete", {"all": "true"}, all_namespaces=True) is Risk.DESTRUCTIVE
    assert operation_risk("delete", {"interactive": True}, all_namespaces=True) is Risk.DESTRUCTIVE


def test_a_custom_catalogue_is_honoured() -> None:
    softer = Catalogue((dataclasses.replace(CATALOGUE["delete"], risk=Risk.WRITE),))
    assert operation_risk("delete", {}, targets=("a",), catalogue=softer) is Risk.WRITE


def test_plan_risk_is_the_worst_operation_and_the_wire_values_match() -> None:
    assert plan_risk([]) is Risk.READ
    assert plan_risk([Risk.READ, Risk.DESTRUCTIVE, Risk.WRITE]) is Risk.DESTRUCTIVE
    assert risk_to_proto(Risk.READ) == common_pb2.RISK_READ
    assert risk_to_proto(Risk.WRITE) == common_pb2.RISK_WRITE
    assert risk_to_proto(Risk.DESTRUCTIVE) == common_pb2.RISK_DESTRUCTIVE
