"""The verb → handler table: every catalogue operation the executor knows, as data."""

from __future__ import annotations

from kubechat.errors import InvalidArgument
from kubechat.v1 import common_pb2
from kubechat_executor.operations import (
    access,
    create,
    delete,
    label,
    logs,
    misc,
    nodes,
    read,
    rollout,
    scale,
)
from kubechat_executor.operations import set as set_ops
from kubechat_executor.operations.base import (
    READ,
    Applied,
    Chunk,
    Context,
    Mutation,
    Outcome,
    Unsupported,
    Verb,
)

VERBS: dict[str, Verb] = {
    verb.name: verb
    for module in (read, logs, access, misc, rollout, scale, delete, label, nodes, set_ops, create)
    for verb in module.VERBS
}


def verb_for(operation: common_pb2.Operation) -> Verb:
    verb = VERBS.get(operation.verb)
    if verb is None:
        raise InvalidArgument(f"'{operation.verb}' is not an operation KubeChat can run")
    return verb


def effective_risk(operation: common_pb2.Operation) -> int:
    """The executor's own risk class for an operation: never the plan's word for it.
    `label --list` and `set env --list` only read."""
    verb = verb_for(operation)
    if verb.read is not None and verb.plan is not None:
        listing = operation.params.get("list")
        if (
            listing is not None
            and listing.WhichOneof("value") == "bool_value"
            and (listing.bool_value)
        ):
            return READ
    return verb.risk


__all__ = [
    "VERBS",
    "Applied",
    "Chunk",
    "Context",
    "Mutation",
    "Outcome",
    "Unsupported",
    "Verb",
    "effective_risk",
    "verb_for",
]
