"""After a confirmed plan ran, tell nlp what ran and how to undo it, so "undo that" in this
conversation means that change: never a plan that was cancelled, refused or failed.

The executor puts the undo of each change on its result (`OperationResult.undo`, worked
out from the objects before the change); the plan's undo is those, last change first. When
any change in the plan cannot be undone, the plan cannot be undone as a whole and its
reason (`undo_note`) is what "undo that" answers.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

from kubechat.errors import KubeChatError
from kubechat.v1 import common_pb2, executor_pb2, intent_pb2
from kubechat_gateway.calls import call
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.mesh import Mesh

log = logging.getLogger(__name__)


def change_request(
    conversation_id: str,
    principal: common_pb2.Principal,
    plan: common_pb2.Plan,
    results: Sequence[executor_pb2.OperationResult],
) -> intent_pb2.RecordChangeRequest | None:
    """What to record for a plan that ran; None when nothing changed or anything failed."""
    if not results or not all(r.ok for r in results):
        return None
    if any(
        r.verification.outcome == executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK for r in results
    ):
        return None  # the change did not stay: nothing ran, as far as undo is concerned
    changes = [r for r in results if r.undo or r.undo_note]
    if not changes:
        return None  # reads only
    request = intent_pb2.RecordChangeRequest(
        conversation_id=conversation_id, tenant=principal.tenant
    )
    for result in changes:
        if 0 <= result.index < len(plan.operations):
            request.operations_ran.append(plan.operations[result.index])
    note = next((r.undo_note for r in changes if not r.undo), "")
    if note:
        request.undo_note = note
    else:
        for result in reversed(changes):
            request.undo.extend(result.undo)
    return request


async def record_change(
    mesh: Mesh,
    settings: GatewaySettings,
    conversation_id: str,
    principal: common_pb2.Principal,
    plan: common_pb2.Plan,
    results: Sequence[executor_pb2.OperationResult],
) -> None:
    """Best effort: the change has run whatever happens here; a failure only means a later
    "undo that" finds nothing to undo."""
    request = change_request(conversation_id, principal, plan, results)
    if request is None:
        return
    try:
        await call(
            "nlp",
            settings.nlp_address,
            mesh.intent().RecordChange(request, timeout=settings.call_timeout),
        )
    except KubeChatError as exc:
        log.warning("could not record the change for undo: %s", exc.message)
