from __future__ import annotations

import pytest

from kubechat.errors import InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.kube import Table
from kubechat_executor.paths import resource_path
from kubechat_executor.results import table_to_proto

PODS = common_pb2.ResourceRef(version="v1", kind="Pod", plural="pods", namespaced=True)
DEPLOYMENTS = common_pb2.ResourceRef(
    group="apps", version="v1", kind="Deployment", plural="deployments", namespaced=True
)
NODES = common_pb2.ResourceRef(version="v1", kind="Node", plural="nodes", namespaced=False)


def test_core_group_namespaced_and_cluster_scoped_paths() -> None:
    assert resource_path(PODS, "dev") == "/api/v1/namespaces/dev/pods"
    assert resource_path(PODS, "") == "/api/v1/pods"
    assert resource_path(NODES, "dev", "n1") == "/api/v1/nodes/n1"
    assert (
        resource_path(DEPLOYMENTS, "prod", "checkout", "scale")
        == "/apis/apps/v1/namespaces/prod/deployments/checkout/scale"
    )


@pytest.mark.parametrize("name", ["../secrets", "a/b", "..", "."])
def test_names_cannot_escape_their_path_segment(name: str) -> None:
    with pytest.raises(InvalidArgument):
        resource_path(PODS, "dev", name)


def test_a_resource_without_version_is_refused_with_its_kind() -> None:
    with pytest.raises(InvalidArgument, match="Widget"):
        resource_path(common_pb2.ResourceRef(kind="Widget"), "dev")


def test_server_table_becomes_result_table_without_managed_fields() -> None:
    table = Table(
        columns=[{"name": "Name", "type": "string"}, {"name": "Age", "format": "date"}],
        rows=[
            {
                "cells": ["web-1", None, ["a", "b"]],
                "object": {"metadata": {"name": "web-1", "managedFields": [{"x": 1}]}},
            }
        ],
        continue_token="abc",
        remaining=3,
    )
    result = table_to_proto(table, "Pod")
    assert [c.name for c in result.columns] == ["Name", "Age"]
    assert result.columns[1].type == "date"
    assert list(result.rows[0].cells) == ["web-1", "", "a,b"]
    assert "managedFields" not in result.rows[0].object["metadata"]
    assert result.continue_token == "abc" and result.remaining == 3
