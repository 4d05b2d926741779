"""The LLM's tool schema and answer validation come from the one catalogue: a model can
only propose what KubeChat can run, with the parameters the catalogue requires."""

from __future__ import annotations

from typing import Any

import pytest

from kubechat_nlp import default_catalogue
from kubechat_nlp.llm.schema import plan_schema
from kubechat_nlp.llm.validate import InvalidOutput, kind_table, to_operations


def _answer(**operation: Any) -> dict[str, Any]:
    return {"operations": [{"kind": "", "names": [], "namespace": "", **operation}]}


def test_the_schema_lists_exactly_the_runnable_operations() -> None:
    catalogue = default_catalogue()
    schema = plan_schema(catalogue, ["pods"])
    verbs = schema["properties"]["operations"]["items"]["properties"]["verb"]["enum"]
    assert set(verbs) == {e.name for e in catalogue.runnable()}
    assert "scale" in verbs
    for unrunnable in ("exec", "port-forward", "edit", "config.use-context", "diff"):
        assert unrunnable in catalogue and unrunnable not in verbs


def test_an_unrunnable_operation_is_refused_with_its_reason() -> None:
    with pytest.raises(InvalidOutput, match="exec cannot run in KubeChat.*interactive"):
        to_operations(
            _answer(verb="exec", kind="pods", names=["web-1"], params={"argv": ["sh"]}),
            default_catalogue(),
            kind_table(None),
        )


def test_a_parameter_the_catalogue_requires_must_be_given() -> None:
    kinds = kind_table(None)
    with pytest.raises(InvalidOutput, match="scale needs the parameter 'replicas'"):
        to_operations(
            _answer(verb="scale", kind="deployments", names=["web"]), default_catalogue(), kinds
        )
    with pytest.raises(InvalidOutput, match="create.service needs the parameter 'type'"):
        to_operations(_answer(verb="create.service", names=["web"]), default_catalogue(), kinds)


def test_a_cluster_scoped_operation_loses_the_namespace_the_model_gave() -> None:
    (op,) = to_operations(
        _answer(verb="create.clusterrole", names=["reader"], namespace="dev"),
        default_catalogue(),
        kind_table(None),
    )
    assert op.namespace is None
