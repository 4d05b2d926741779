"""The canonical hash of a plan's operations: what a confirmation token is bound to.

Canonical means independent of how the plan was serialised: the operations are turned into
JSON with sorted keys and default values dropped, so the same operations always hash the
same and any change (a name, a replica count, a namespace) gives another hash. The kubectl
renderings, confidence and explanation are for humans and are not part of it.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable

from google.protobuf.json_format import MessageToDict

from kubechat.v1 import common_pb2


def operation_dict(operation: common_pb2.Operation) -> dict[str, object]:
    data: dict[str, object] = MessageToDict(operation, preserving_proto_field_name=True)
    return data


def plan_hash(operations: Iterable[common_pb2.Operation]) -> str:
    canonical = json.dumps(
        [operation_dict(op) for op in operations], sort_keys=True, separators=(",", ":")
    )
    return hashlib.sha256(canonical.encode()).hexdigest()
