"""One conversation turn as a stream of chat events: shared by the WebSocket, the REST
confirm/cancel routes and the public gRPC API, so every face behaves the same.

ask:     typing → user_message → plan → (clarification | preview + confirmation_request |
         progress/log/result…) → done
confirm: progress/result (with verification)… → done
A refusal or failure at any step is an `error` event followed by `done`.

A previewed change waits in Redis (`kubechat:pending:<conversation>`), sealed with the
executor's single-use confirmation token (pending.py), so any gateway replica can confirm
it; the token never leaves the gateways, and Redis holds only an opaque id and ciphertext.
"""

from __future__ import annotations

import base64
import time
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from grpc import aio

from kubechat.errors import FailedPrecondition, InvalidArgument, KubeChatError, NotFound
from kubechat.events import AuditEvent, EventKind, ExecutionSummary, PlanSummary
from kubechat.redact import redact_text
from kubechat.redact_params import secrets_of
from kubechat.v1 import common_pb2, executor_pb2, intent_pb2
from kubechat_gateway import schemas_chat as ev
from kubechat_gateway.auth import authorize_plan
from kubechat_gateway.calls import call
from kubechat_gateway.changes import record_change
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.convert import RISK_NAMES, plan_public, result_public
from kubechat_gateway.db import Store
from kubechat_gateway.mesh import Mesh
from kubechat_gateway.pending import PendingStore, seal_key
from kubechat_gateway.ratelimit import check_ask
from kubechat_gateway.turn import Emit, Turn

VERIFICATION_NAMES = {
    executor_pb2.VERIFICATION_OUTCOME_UNSPECIFIED: "unspecified",
    executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED: "not_needed",
    executor_pb2.VERIFICATION_OUTCOME_VERIFIED: "verified",
    executor_pb2.VERIFICATION_OUTCOME_FAILED: "failed",
    executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK: "rolled_back",
}


class Chat:
    def __init__(self, settings: GatewaySettings, mesh: Mesh, store: Store) -> None:
        self.settings = settings
        self.mesh = mesh
        self.store = store
        self._seal_key = seal_key(settings.confirmation_seal_key.get_secret_value())

    def _pending_store(self) -> PendingStore:
        if self.mesh.redis is None:
            raise FailedPrecondition("Redis is not configured; changes cannot be confirmed")
        return PendingStore(self.mesh.redis, self._seal_key)

    # -- ask ----------------------------------------------------------------------------

    async def ask(
        self,
        principal: common_pb2.Principal,
        conversation_id: str,
        text: str,
        cluster: str,
        emit: Emit,
        source_ip: str = "",
    ) -> str:
        """Runs one ask, emitting its events; returns the final status."""
        text = text.strip()
        conversation = await self.store.ensure(
            principal.tenant, principal.user, conversation_id, cluster, text
        )
        turn = Turn(self.store, conversation_id, emit)
        await turn.send(ev.TypingEvent(**turn.fields(), active=True))
        status = "error"
        started = time.perf_counter()
        audit = AuditEvent(
            kind=EventKind.ASK,
            tenant=principal.tenant,
            user=principal.user,
            roles=list(principal.roles),
            source_ip=source_ip,
            conversation_id=conversation_id,
            cluster_id=cluster or "default",
            text=text,
        )
        try:
            if not text:
                raise InvalidArgument("the question is empty")
            if len(text) > self.settings.max_text_chars:
                raise InvalidArgument(
                    f"text is {len(text)} characters long; the limit is "
                    f"{self.settings.max_text_chars}"
                )
            await check_ask(self.mesh, self.settings, principal)
            turn.question_pending = True
            status = await self._ask(turn, principal, text, cluster, conversation.cluster_id, audit)
        except KubeChatError as exc:
            status = "rate_limited" if exc.code == "rate_limited" else "error"
            audit.outcome, audit.error = exc.code, exc.message
            # No plan, so only the patterns know what may be secret in the words.
            await turn.question(redact_text(text), cluster)
            await turn.fail(exc)
        audit.duration_ms = (time.perf_counter() - started) * 1000
        if status != "rate_limited":
            try:
                await self.mesh.publish(audit)
            except KubeChatError as exc:
                await turn.fail(exc)
                status = "error"
        await turn.send(ev.TypingEvent(**turn.fields(), active=False))
        await turn.send(ev.DoneEvent(**turn.fields(), status=cast(Any, status)))
        return status

    async def _ask(
        self,
        turn: Turn,
        principal: common_pb2.Principal,
        text: str,
        cluster: str,
        previous_cluster: str,
        audit: AuditEvent,
    ) -> str:
        settings = self.settings
        parsed = await call(
            "nlp",
            settings.nlp_address,
            self.mesh.intent().Parse(
                intent_pb2.ParseRequest(
                    text=text,
                    conversation_id=turn.conversation_id,
                    cluster_id=cluster,
                    principal=principal,
                ),
                timeout=settings.call_timeout,
            ),
        )
        plan = parsed.plan
        target = plan.cluster_id or cluster
        public = plan_public(plan)
        # The plan says which of the user's words are secret; only now are they kept.
        turn.secrets = secrets_of(public.operations)
        await turn.question(text, cluster)
        audit.plan = PlanSummary(
            kubectl=public.kubectl,
            risk=public.risk,
            confidence=plan.confidence,
            engine=plan.engine,
            operations=public.operations,
        )
        await turn.send(ev.PlanEvent(**turn.fields(), cluster=target or "default", plan=public))
        if previous_cluster != target and previous_cluster and target:
            await turn.send(
                ev.ClusterChangeEvent(**turn.fields(), previous=previous_cluster, cluster=target)
            )
        if target:
            await self.store.set_cluster(turn.conversation_id, target)
        if public.clarification is not None or not plan.operations:
            audit.outcome = "clarification"
            if public.clarification is not None:
                await turn.send(
                    ev.ClarificationEvent(**turn.fields(), clarification=public.clarification)
                )
            return "needs_clarification"
        # Role policy before any preview or execution.
        authorize_plan(principal, plan)
        if plan.risk != common_pb2.RISK_READ:
            await self._preview(turn, principal, plan, target)
            audit.outcome = "awaiting_confirmation"
            return "needs_confirmation"
        ok, rows = await self._execute(
            turn, executor_pb2.ExecuteRequest(plan=plan, principal=principal, cluster_id=target)
        )
        audit.outcome = "ok" if ok else "error"
        audit.execution = ExecutionSummary(ok=ok, rows=rows, verification="not_needed")
        return "done"

    async def _preview(
        self, turn: Turn, principal: common_pb2.Principal, plan: common_pb2.Plan, cluster: str
    ) -> None:
        settings = self.settings
        preview = await call(
            "executor",
            settings.executor_address,
            self.mesh.executor().Preview(
                executor_pb2.PreviewRequest(
                    plan=plan,
                    principal=principal,
                    cluster_id=cluster,
                    ttl_seconds=settings.confirmation_ttl_seconds,
                ),
                timeout=settings.call_timeout,
            ),
        )
        cluster_id = preview.cluster_id or cluster or "default"
        await turn.send(
            ev.PreviewEvent(
                **turn.fields(),
                cluster=cluster_id,
                diff=preview.diff,
                affected=[
                    ev.AffectedPublic(
                        kind=a.resource.kind, namespace=a.namespace, name=a.name, change=a.change
                    )
                    for a in preview.affected
                ],
            )
        )
        expires = (
            preview.expires_at.ToDatetime(tzinfo=UTC)
            if preview.HasField("expires_at")
            else datetime.now(UTC) + timedelta(seconds=settings.confirmation_ttl_seconds)
        )
        confirmation_id = uuid.uuid4().hex[:16]
        policy = executor_pb2.ConfirmationPolicy()
        policy.CopyFrom(preview.policy)
        if plan.risk == common_pb2.RISK_DESTRUCTIVE and not policy.type_name:
            # Product rule on top of the executor's policy: a destructive change is never
            # one click away; the user types the name of what goes.
            name = next((a.name for a in preview.affected if a.name), "") or next(
                (op.name for op in plan.operations if op.name), ""
            )
            if name:
                policy.type_name, policy.expected_name = True, name
        pending = {
            "token": preview.confirmation_token,
            "plan": base64.b64encode(plan.SerializeToString()).decode(),
            "cluster": cluster_id,
            "tenant": principal.tenant,
            "user": principal.user,
            "type_name": policy.type_name,
            "expected_name": policy.expected_name,
        }
        ttl = max(1, int((expires - datetime.now(UTC)).total_seconds()))
        await self._pending_store().put(turn.conversation_id, confirmation_id, pending, ttl)
        await turn.send(
            ev.ConfirmationRequestEvent(
                **turn.fields(),
                confirmation_id=confirmation_id,
                cluster=cluster_id,
                risk=RISK_NAMES.get(plan.risk, "unspecified"),
                kubectl=list(plan.kubectl),
                policy=ev.PolicyPublic(
                    type_name=policy.type_name,
                    expected_name=policy.expected_name,
                    second_approver=policy.second_approver,
                    reason=policy.reason,
                ),
                expires_at=expires,
            )
        )

    async def _execute(
        self,
        turn: Turn,
        request: executor_pb2.ExecuteRequest,
        ran: list[executor_pb2.OperationResult] | None = None,
    ) -> tuple[bool, int]:
        """Streams the executor's events out as chat events; (all ok, rows returned).
        `ran` collects the results (they carry the undo of each change)."""
        settings = self.settings
        stream = self.mesh.executor().ExecuteStream(request, timeout=settings.call_timeout * 6)
        ok, rows = True, 0
        try:
            while True:
                item = await call("executor", settings.executor_address, stream.read())
                if item is aio.EOF:
                    break
                event = cast(executor_pb2.ExecutionEvent, item)
                which = event.WhichOneof("event")
                if which == "progress":
                    p = event.progress
                    await turn.send(
                        ev.ProgressEvent(
                            **turn.fields(), index=p.index, message=p.message, fraction=p.fraction
                        )
                    )
                elif which == "chunk" and event.chunk.text:
                    await turn.send(
                        ev.LogEvent(**turn.fields(), index=event.chunk.index, text=event.chunk.text)
                    )
                elif which == "result":
                    result = event.result
                    ok = ok and result.ok
                    if ran is not None:
                        ran.append(result)
                    rows += len(result.table.rows)
                    verification = None
                    if result.HasField("verification"):
                        verification = ev.VerificationPublic(
                            outcome=cast(
                                Any,
                                VERIFICATION_NAMES.get(result.verification.outcome, "unspecified"),
                            ),
                            condition=result.verification.condition,
                            detail=result.verification.detail,
                        )
                    await turn.send(
                        ev.ResultEvent(
                            **turn.fields(),
                            cluster=result.cluster_id or request.cluster_id or "default",
                            result=result_public(result),
                            verification=verification,
                        )
                    )
                elif which == "error":
                    ok = False
                    e = event.error
                    await turn.send(
                        ev.ErrorEvent(**turn.fields(), code=e.code, message=e.message, hint=e.hint)
                    )
        finally:
            stream.cancel()
        return ok, rows

    # -- confirm / cancel -----------------------------------------------------------------

    async def _pending(
        self, principal: common_pb2.Principal, conversation_id: str, confirmation_id: str
    ) -> dict[str, Any]:
        await self.store.get(principal.tenant, principal.user, conversation_id)
        pending = await self._pending_store().get(conversation_id)
        if (
            pending is None
            or pending["user"] != principal.user
            or pending["tenant"] != principal.tenant
            or (confirmation_id and pending["confirmation_id"] != confirmation_id)
        ):
            raise NotFound(
                "no change is awaiting confirmation here (it expired, ran or was cancelled)",
                hint="ask again to get a fresh preview",
            )
        return pending

    async def confirm(
        self,
        principal: common_pb2.Principal,
        conversation_id: str,
        confirmation_id: str,
        typed_name: str,
        emit: Emit,
    ) -> str:
        turn = Turn(self.store, conversation_id, emit)
        try:
            pending = await self._pending(principal, conversation_id, confirmation_id)
            if pending["type_name"] and typed_name.strip() != pending["expected_name"]:
                # Checked here too, so a typo costs nothing: the pending change stays.
                raise InvalidArgument(
                    f"type {pending['expected_name']} exactly to confirm this change",
                    hint="the name you typed does not match",
                )
            # Single use: whoever deletes the key runs the change, a double click does not.
            if not await self._pending_store().take(conversation_id):
                raise NotFound("this change was already confirmed or cancelled")
            await self.store.add_message(
                conversation_id, "user", "text", f"confirmed {confirmation_id}", {}
            )
            plan = common_pb2.Plan.FromString(base64.b64decode(pending["plan"]))
            turn.secrets = secrets_of(plan_public(plan).operations)
            await turn.send(ev.TypingEvent(**turn.fields(), active=True))
            ran: list[executor_pb2.OperationResult] = []
            ok, _ = await self._execute(
                turn,
                executor_pb2.ExecuteRequest(
                    plan=plan,
                    principal=principal,
                    cluster_id=pending["cluster"],
                    confirmation_token=pending["token"],
                    typed_name=typed_name.strip(),
                    request_id=turn.request_id,
                ),
                ran,
            )
            if ok:  # "undo that" then means this change (a failed one records nothing)
                await record_change(self.mesh, self.settings, conversation_id, principal, plan, ran)
            status = "done" if ok else "error"
        except KubeChatError as exc:
            await turn.fail(exc)
            status = "error"
        await turn.send(ev.TypingEvent(**turn.fields(), active=False))
        await turn.send(ev.DoneEvent(**turn.fields(), status=cast(Any, status)))
        return status

    async def cancel(
        self,
        principal: common_pb2.Principal,
        conversation_id: str,
        confirmation_id: str,
        emit: Emit,
    ) -> bool:
        turn = Turn(self.store, conversation_id, emit)
        pending = await self._pending(principal, conversation_id, confirmation_id)
        removed = await self._pending_store().take(conversation_id)
        if removed:
            await turn.send(
                ev.CancelledEvent(**turn.fields(), confirmation_id=pending["confirmation_id"])
            )
            await turn.send(ev.DoneEvent(**turn.fields(), status="cancelled"))
        return removed
