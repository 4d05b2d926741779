"""The handler table: one handler per entry of the shared catalogue, keyed by entry name.

Building it checks the handlers against the catalogue, so importing this package fails
when an entry has neither a handler nor a declared unsupported reason, or a handler
exists for a name the catalogue does not declare."""

from __future__ import annotations

from kubechat.catalogue import CATALOGUE
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
    Applied,
    Chunk,
    Context,
    Handler,
    Mutation,
    Outcome,
    Unsupported,
)
from kubechat_executor.operations.table import CatalogueMismatch, HandlerTable, plain_params

HANDLERS = HandlerTable(
    CATALOGUE,
    (
        handler
        for module in (
            read,
            logs,
            access,
            misc,
            rollout,
            scale,
            delete,
            label,
            nodes,
            set_ops,
            create,
        )
        for handler in module.HANDLERS
    ),
)

__all__ = [
    "HANDLERS",
    "Applied",
    "CatalogueMismatch",
    "Chunk",
    "Context",
    "Handler",
    "HandlerTable",
    "Mutation",
    "Outcome",
    "Unsupported",
    "plain_params",
]
