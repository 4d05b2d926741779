"""Plans → cluster calls: preview (dry run, diff, affected objects, token), execution
(token check, apply, verify, roll back) and read-only fan-out over several clusters.

The Kubernetes client blocks, so every cluster call runs in the thread pool; what a call
does is decided by the handler table in `operations` and the catalogue's risk function,
never by the plan's own risk claim.
"""

from __future__ import annotations

import asyncio
import logging
import threading
import time
from collections.abc import Awaitable, Callable
from typing import Any

from kubechat.catalogue import Risk, Verification, risk_name, risk_to_proto
from kubechat.errors import InvalidArgument, KubeChatError, PermissionDenied
from kubechat.events import (
    AuditEvent,
    Confirmation,
    EventKind,
    ExecutionSummary,
    PlanSummary,
)
from kubechat.v1 import common_pb2, executor_pb2
from kubechat_executor import policy as policy_rules
from kubechat_executor.config import ExecutorSettings
from kubechat_executor.confirm import Grant, TokenStore
from kubechat_executor.discovery import Discovery
from kubechat_executor.events import Publisher
from kubechat_executor.kube import ClusterClient, Identity, identity_of
from kubechat_executor.operations import (
    HANDLERS,
    Applied,
    Chunk,
    Context,
    Handler,
    Mutation,
    Unsupported,
)
from kubechat_executor.operations.util import seconds
from kubechat_executor.pins import check_pinned, pins_of
from kubechat_executor.planhash import operation_dict, plan_hash
from kubechat_executor.preview import apply, diff
from kubechat_executor.registry import DEFAULT_CLUSTER, ClusterRegistry
from kubechat_executor.results import error_detail, merged, row_to_proto, table_to_proto
from kubechat_executor.singleflight import SingleFlight
from kubechat_executor.tenancy import acting_principal
from kubechat_executor.undo import record_undo
from kubechat_executor.verify import Check, checks_for

log = logging.getLogger(__name__)
Emit = Callable[[executor_pb2.ExecutionEvent], Awaitable[None]]
OUTCOME_NAMES: dict[int, str] = {
    executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED: "not_needed",
    executor_pb2.VERIFICATION_OUTCOME_VERIFIED: "verified",
    executor_pb2.VERIFICATION_OUTCOME_FAILED: "failed",
    executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK: "rolled_back",
}


async def _discard(event: executor_pb2.ExecutionEvent) -> None:
    return None


class Engine:
    def __init__(
        self,
        settings: ExecutorSettings,
        registry: ClusterRegistry,
        tokens: TokenStore,
        publisher: Publisher,
        discovery: Discovery | None = None,
    ) -> None:
        self._settings = settings
        self._registry = registry
        self._tokens = tokens
        self._publisher = publisher
        self._discovery = discovery or Discovery()
        self._reads: SingleFlight[tuple[str, common_pb2.ResultTable | None]] = SingleFlight()

    # -- helpers -----------------------------------------------------------------------

    def _cluster_id(self, requested: str, plan: common_pb2.Plan) -> str:
        if requested and plan.cluster_id and requested != plan.cluster_id:
            raise InvalidArgument(
                f"the plan is bound to cluster '{plan.cluster_id}'; it cannot run on '{requested}'"
            )
        return requested or plan.cluster_id or DEFAULT_CLUSTER

    def _context(
        self, cluster: ClusterClient, identity: Identity, operation: common_pb2.Operation
    ) -> Context:
        copy = common_pb2.Operation()
        copy.CopyFrom(operation)
        caller = acting_principal()
        return Context(
            cluster=cluster,
            identity=identity,
            operation=copy,
            discovery=self._discovery,
            page_size=self._settings.page_size,
            # `config get-clusters` and the like: the caller's tenant's clusters only.
            clusters=lambda: [
                {"id": i.id, "name": i.name, "server": i.server}
                for i in self._registry.list_for(caller)
            ],
        )

    def _event(
        self,
        kind: EventKind,
        principal: common_pb2.Principal,
        cluster_id: str,
        plan: common_pb2.Plan,
        **fields: Any,
    ) -> AuditEvent:
        return AuditEvent(
            kind=kind,
            tenant=principal.tenant or "default",
            user=principal.user,
            roles=list(principal.roles),
            cluster_id=cluster_id,
            plan=PlanSummary(
                operations=[operation_dict(op) for op in plan.operations],
                kubectl=list(plan.kubectl),
                risk=risk_name(max(map(risk_or_read, plan.operations), default=Risk.READ)),
                confidence=plan.confidence,
                engine=plan.engine,
            ),
            **fields,
        )

    @staticmethod
    def _rendering(plan: common_pb2.Plan, index: int) -> str:
        return plan.kubectl[index] if index < len(plan.kubectl) else ""

    # -- preview -----------------------------------------------------------------------

    async def preview(self, request: executor_pb2.PreviewRequest) -> executor_pb2.PreviewResponse:
        started = time.perf_counter()
        plan = request.plan
        if not plan.operations:
            raise InvalidArgument("the plan has no operations to preview")
        cluster_id = self._cluster_id(request.cluster_id, plan)
        try:
            principal = acting_principal(request.principal)
            cluster = await asyncio.to_thread(self._registry.get_for, principal, cluster_id)
            info = await asyncio.to_thread(self._registry.info_for, principal, cluster_id)
            identity = identity_of(request.principal)
            response = executor_pb2.PreviewResponse(cluster_id=cluster_id)
            diffs: list[str] = []
            targets: list[policy_rules.Target] = []
            pinned: dict[str, list[list[str]]] = {}
            for index, operation in enumerate(plan.operations):
                handler = HANDLERS.handler(operation)
                risk = HANDLERS.risk(operation)
                if risk is Risk.READ or handler.plan is None:
                    continue
                ctx = self._context(cluster, identity, operation)
                applied, affected = await asyncio.to_thread(self._dry_run, ctx, handler)
                if pins := pins_of([item.mutation for item in applied]):
                    pinned[str(index)] = pins
                for item in applied:
                    text = diff(item)
                    if text:
                        diffs.append(text)
                    m = item.mutation
                    response.affected.add(
                        resource=m.resource, namespace=m.namespace, name=m.name, change=m.change
                    )
                    namespace = m.name if m.resource.plural == "namespaces" else m.namespace
                    targets.append(
                        policy_rules.Target(
                            info.id,
                            info.name,
                            info.labels,
                            namespace or operation.namespace,
                            operation.verb,
                            risk_to_proto(risk),
                            tuple(ctx.names) or (m.name,),
                        )
                    )
                for resource, namespace, name, change in affected:
                    response.affected.add(
                        resource=resource, namespace=namespace, name=name, change=change
                    )
        except KubeChatError as exc:
            await self._publisher.audit(
                self._event(
                    EventKind.DENIED if isinstance(exc, PermissionDenied) else EventKind.PREVIEW,
                    request.principal,
                    cluster_id,
                    plan,
                    outcome=exc.code,
                    error=exc.message,
                    duration_ms=(time.perf_counter() - started) * 1000,
                )
            )
            raise
        response.diff = "".join(diffs)
        response.plan_hash = plan_hash(plan.operations)
        if targets:
            requirements = policy_rules.evaluate(self._settings.policy, targets)
            response.policy.CopyFrom(requirements.to_proto())
            ttl = self._settings.token_ttl
            if request.ttl_seconds > 0:
                ttl = min(ttl, request.ttl_seconds)
            expires_at = time.time() + ttl
            grant = Grant(
                token_id="",
                user=request.principal.user,
                k8s_user=request.principal.k8s_user,
                cluster_id=cluster_id,
                plan_hash=response.plan_hash,
                expires_at=expires_at,
                type_name=requirements.type_name,
                expected_name=requirements.expected_name,
                second_approver=requirements.second_approver,
                rollback_on_failure=requirements.rollback_on_failure,
                pinned=pinned,
            )
            response.confirmation_token = await self._tokens.issue(grant, ttl)
            response.expires_at.FromSeconds(int(expires_at))
            confirmation = Confirmation(token_id=grant.token_id)
        else:
            confirmation = None
        await self._publisher.audit(
            self._event(
                EventKind.PREVIEW,
                request.principal,
                cluster_id,
                plan,
                outcome="ok",
                confirmation=confirmation,
                text=response.diff[:4000],
                duration_ms=(time.perf_counter() - started) * 1000,
            )
        )
        return response

    def _dry_run(
        self, ctx: Context, handler: Handler
    ) -> tuple[list[Applied], list[tuple[common_pb2.ResourceRef, str, str, str]]]:
        assert handler.plan is not None
        mutations = handler.plan(ctx)
        applied = [apply(ctx, m, dry_run=True) for m in mutations]
        affected = handler.affected(ctx, mutations) if handler.affected is not None else []
        return applied, affected

    async def approve(self, request: executor_pb2.ApproveRequest) -> executor_pb2.ApproveResponse:
        approver = request.approver.user
        if not approver:
            raise InvalidArgument("an approval names the approving user")
        grant = await self._tokens.approve(request.confirmation_token, approver)
        await self._publisher.audit(
            AuditEvent(
                kind=EventKind.CONFIRM,
                tenant=request.approver.tenant or "default",
                user=approver,
                roles=list(request.approver.roles),
                cluster_id=grant.cluster_id,
                outcome="approved",
                confirmation=Confirmation(token_id=grant.token_id, approver=approver),
                text=f"approved a plan of {grant.user}",
            )
        )
        return executor_pb2.ApproveResponse(approver=approver)

    # -- execution ---------------------------------------------------------------------

    async def execute(
        self, request: executor_pb2.ExecuteRequest, emit: Emit = _discard, streaming: bool = False
    ) -> executor_pb2.ExecuteResponse:
        started = time.perf_counter()
        plan = request.plan
        if not plan.operations:
            raise InvalidArgument("the plan has no operations to execute")
        risks = [HANDLERS.risk(op) for op in plan.operations]
        if request.cluster_ids:
            return await self._fan_out(request, risks, started, emit, streaming)
        cluster_id = self._cluster_id(request.cluster_id, plan)
        grant: Grant | None = None
        try:
            # The cluster first: "no such cluster" is the more useful answer of the two.
            cluster = await asyncio.to_thread(
                self._registry.get_for, acting_principal(request.principal), cluster_id
            )
            identity = identity_of(request.principal)
            if any(r is not Risk.READ for r in risks):
                grant = await self._tokens.consume(
                    request.confirmation_token,
                    user=request.principal.user,
                    k8s_user=request.principal.k8s_user,
                    cluster_id=cluster_id,
                    plan_hash=plan_hash(plan.operations),
                    typed_name=request.typed_name,
                )
                await self._publisher.audit(
                    self._event(
                        EventKind.CONFIRM,
                        request.principal,
                        cluster_id,
                        plan,
                        outcome="ok",
                        confirmation=Confirmation(token_id=grant.token_id, approver=grant.approver),
                    )
                )
        except KubeChatError as exc:
            await self._publisher.audit(
                self._event(
                    EventKind.DENIED,
                    request.principal,
                    cluster_id,
                    plan,
                    outcome=exc.code,
                    error=exc.message,
                    duration_ms=(time.perf_counter() - started) * 1000,
                )
            )
            raise
        response = executor_pb2.ExecuteResponse(cluster_id=cluster_id)
        failed_write = False
        for index, operation in enumerate(plan.operations):
            if failed_write:
                result = executor_pb2.OperationResult(
                    index=index,
                    kubectl=self._rendering(plan, index),
                    ok=False,
                    cluster_id=cluster_id,
                    error=common_pb2.ErrorDetail(
                        code="skipped", message="not run: an earlier change in this plan failed"
                    ),
                )
            else:
                result = await self._run_one(
                    cluster, identity, plan, index, operation, grant, emit, streaming
                )
                failed_write = risks[index] is not Risk.READ and (
                    not result.ok
                    or result.verification.outcome != executor_pb2.VERIFICATION_OUTCOME_VERIFIED
                )
            result.cluster_id = cluster_id
            response.results.append(result)
            await emit(executor_pb2.ExecutionEvent(result=result))
        response.duration_ms = (time.perf_counter() - started) * 1000
        await self._audit_execution(request, cluster_id, response, grant)
        return response

    async def _fan_out(
        self,
        request: executor_pb2.ExecuteRequest,
        risks: list[Risk],
        started: float,
        emit: Emit,
        streaming: bool,
    ) -> executor_pb2.ExecuteResponse:
        if any(r is not Risk.READ for r in risks):
            raise InvalidArgument(
                "only read-only plans fan out over several clusters; a change is bound to "
                "one cluster"
            )
        identity = identity_of(request.principal)
        cluster_ids = list(dict.fromkeys(request.cluster_ids))
        plan = request.plan

        principal = acting_principal(request.principal)

        async def one(cluster_id: str) -> list[executor_pb2.OperationResult]:
            try:
                cluster = await asyncio.to_thread(self._registry.get_for, principal, cluster_id)
            except KubeChatError as exc:
                return [
                    executor_pb2.OperationResult(
                        index=i,
                        ok=False,
                        cluster_id=cluster_id,
                        kubectl=self._rendering(plan, i),
                        error=error_detail(exc),
                    )
                    for i in range(len(plan.operations))
                ]
            results = []
            for index, operation in enumerate(plan.operations):
                result = await self._run_one(
                    cluster, identity, plan, index, operation, None, _discard, False
                )
                result.cluster_id = cluster_id
                results.append(result)
            return results

        per_cluster = await asyncio.gather(*(one(c) for c in cluster_ids))
        response = executor_pb2.ExecuteResponse(cluster_id=",".join(cluster_ids))
        for results in per_cluster:
            response.results.extend(results)
        for index in range(len(plan.operations)):
            combined = merged(list(response.results), index)
            if combined is not None:
                response.results.append(combined)
        for result in response.results:
            await emit(executor_pb2.ExecutionEvent(result=result))
        response.duration_ms = (time.perf_counter() - started) * 1000
        await self._audit_execution(request, response.cluster_id, response, None)
        return response

    async def _run_one(
        self,
        cluster: ClusterClient,
        identity: Identity,
        plan: common_pb2.Plan,
        index: int,
        operation: common_pb2.Operation,
        grant: Grant | None,
        emit: Emit,
        streaming: bool,
    ) -> executor_pb2.OperationResult:
        result = executor_pb2.OperationResult(index=index, kubectl=self._rendering(plan, index))
        try:
            handler = HANDLERS.handler(operation)
            ctx = self._context(cluster, identity, operation)
            if HANDLERS.risk(operation) is Risk.READ:
                await self._read(ctx, handler, index, result, emit, streaming)
            else:
                verification = HANDLERS.entry(operation).verification
                await self._write(ctx, handler, verification, index, result, grant, emit)
        except KubeChatError as exc:
            result.ok = False
            result.error.CopyFrom(error_detail(exc))
        except Exception as exc:  # noqa: BLE001 - one operation's bug must not hide the rest
            log.exception("operation failed", extra={"verb": operation.verb})
            result.ok = False
            result.error.CopyFrom(
                common_pb2.ErrorDetail(
                    code="internal", message=f"{operation.verb} failed: {type(exc).__name__}"
                )
            )
        return result

    async def _read(
        self,
        ctx: Context,
        handler: Handler,
        index: int,
        result: executor_pb2.OperationResult,
        emit: Emit,
        streaming: bool,
    ) -> None:
        result.verification.outcome = executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED
        wants_stream = ctx.bool_param("follow") or ctx.bool_param("watch")
        if streaming and wants_stream and handler.stream is not None:
            count = await self._stream(ctx, handler, index, emit)
            result.ok = True
            result.text = f"stream ended after {count} updates"
            return
        if handler.read is None and handler.plan is not None:
            # A write the risk function reads as READ (`run --dry-run=server`): the
            # server-side dry run is the whole answer, and nothing is changed.
            plan_fn = handler.plan
            applied = await asyncio.to_thread(
                lambda: [apply(ctx, m, dry_run=True) for m in plan_fn(ctx)]
            )
            result.ok = True
            result.text = _summary(applied, " (server dry run)")
            return
        if handler.read is None:
            raise Unsupported(f"'{handler.name}' has no read form")
        read = handler.read

        def run() -> tuple[str, common_pb2.ResultTable | None]:
            # Building the protobuf rows is CPU work too: keep it off the event loop.
            outcome = read(ctx)
            table = None if outcome.table is None else table_to_proto(outcome.table, outcome.kind)
            return outcome.text, table

        # The same read by the same identity already in flight answers this caller too
        # (see singleflight.py); the table is copied below, never changed in place.
        key = (
            ctx.cluster.server,
            ctx.identity,
            ctx.operation.SerializeToString(deterministic=True),
        )
        text, table = await asyncio.to_thread(self._reads.run, key, run)
        result.ok = True
        result.text = text
        if table is not None:
            result.table.CopyFrom(table)

    async def _stream(self, ctx: Context, handler: Handler, index: int, emit: Emit) -> int:
        assert handler.stream is not None
        loop = asyncio.get_running_loop()
        queue: asyncio.Queue[Chunk | None] = asyncio.Queue(maxsize=1000)
        stop = threading.Event()
        stream = handler.stream

        def pump() -> None:
            try:
                for chunk in stream(ctx):
                    if stop.is_set():
                        return
                    asyncio.run_coroutine_threadsafe(queue.put(chunk), loop).result()
            finally:
                asyncio.run_coroutine_threadsafe(queue.put(None), loop)

        worker = loop.run_in_executor(None, pump)
        count = 0
        try:
            while (chunk := await queue.get()) is not None:
                count += 1
                message = executor_pb2.StreamChunk(
                    index=index, text=chunk.text, event_type=chunk.event_type
                )
                if chunk.row is not None:
                    message.row.CopyFrom(row_to_proto(chunk.row))
                await emit(executor_pb2.ExecutionEvent(chunk=message))
        finally:
            stop.set()
        await worker
        return count

    async def _write(
        self,
        ctx: Context,
        handler: Handler,
        verification: Verification,
        index: int,
        result: executor_pb2.OperationResult,
        grant: Grant | None,
        emit: Emit,
    ) -> None:
        assert handler.plan is not None
        plan_fn = handler.plan

        def run() -> list[Applied]:
            mutations = plan_fn(ctx)
            check_pinned(grant, index, mutations)
            return [apply(ctx, m, dry_run=False) for m in mutations]

        applied = await asyncio.to_thread(run)
        result.ok = True
        result.text = _summary(applied)
        rollback_wanted = ctx.bool_param("rollback_on_failure") or bool(
            grant and grant.rollback_on_failure
        )
        timeout = seconds(ctx.str_param("verify_timeout"), self._settings.verify_timeout)
        checks = checks_for(ctx, verification, applied)
        result.verification.CopyFrom(
            await self._verify(ctx, index, checks, timeout, rollback_wanted, emit)
        )
        record_undo(result, ctx.operation, applied)

    async def _verify(
        self,
        ctx: Context,
        index: int,
        checks: list[Check],
        timeout: float,
        rollback_wanted: bool,
        emit: Emit,
    ) -> executor_pb2.Verification:
        deadline = time.monotonic() + timeout
        conditions = "; ".join(c.condition for c in checks)
        for check in checks:
            last = ""
            while True:
                try:
                    status = await asyncio.to_thread(check.poll)
                except KubeChatError as exc:
                    status_failed, message = True, exc.message
                else:
                    status_failed, message = status.failed, status.message
                    if status.done:
                        break
                if message != last:
                    last = message
                    await emit(
                        executor_pb2.ExecutionEvent(
                            progress=executor_pb2.Progress(
                                index=index,
                                message=message,
                                fraction=0.0 if status_failed else status.fraction,
                            )
                        )
                    )
                if status_failed or time.monotonic() > deadline:
                    detail = (
                        message if status_failed else (f"not met within {timeout:.0f}s: {message}")
                    )
                    return await self._failed(
                        ctx, index, check, conditions, detail, rollback_wanted, emit
                    )
                await asyncio.sleep(self._settings.verify_interval)
        return executor_pb2.Verification(
            outcome=executor_pb2.VERIFICATION_OUTCOME_VERIFIED,
            condition=conditions,
            detail="all conditions met",
        )

    async def _failed(
        self,
        ctx: Context,
        index: int,
        check: Check,
        conditions: str,
        detail: str,
        rollback_wanted: bool,
        emit: Emit,
    ) -> executor_pb2.Verification:
        failed = executor_pb2.Verification(
            outcome=executor_pb2.VERIFICATION_OUTCOME_FAILED, condition=conditions, detail=detail
        )
        if not rollback_wanted or check.rollback is None:
            return failed
        undo = await asyncio.to_thread(check.rollback)
        if undo is None:
            return failed
        await emit(
            executor_pb2.ExecutionEvent(
                progress=executor_pb2.Progress(
                    index=index, message=f"verification failed ({detail}); rolling back"
                )
            )
        )
        try:
            await asyncio.to_thread(apply, ctx, undo, dry_run=False)
        except KubeChatError as exc:
            failed.detail += f"; the rollback failed: {exc.message}"
            return failed
        # The rollback is itself a rollout: report whether it settled, without waiting as
        # long as the failed change did.
        settled = "the rollback is in progress"
        deadline = time.monotonic() + min(60.0, self._settings.verify_timeout)
        while time.monotonic() < deadline:
            status = await asyncio.to_thread(check.poll)
            if status.done:
                settled = f"the rollback completed: {status.message}"
                break
            await asyncio.sleep(self._settings.verify_interval)
        return executor_pb2.Verification(
            outcome=executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK,
            condition=conditions,
            detail=f"{detail}; rolled back to the previous state; {settled}",
        )

    async def _audit_execution(
        self,
        request: executor_pb2.ExecuteRequest,
        cluster_id: str,
        response: executor_pb2.ExecuteResponse,
        grant: Grant | None,
    ) -> None:
        plan = request.plan
        outcomes = [r.verification.outcome for r in response.results]
        worst = max(outcomes, default=executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED, key=_severity)
        ok = all(r.ok for r in response.results)
        errors = "; ".join(r.error.message for r in response.results if not r.ok)[:1000]
        confirmation = (
            Confirmation(token_id=grant.token_id, approver=grant.approver) if grant else None
        )
        summary = ExecutionSummary(
            ok=ok,
            rows=sum(len(r.table.rows) for r in response.results),
            verification=OUTCOME_NAMES.get(worst, "not_needed"),
            detail="; ".join(
                r.verification.detail for r in response.results if r.verification.detail
            )[:1000],
        )
        outcome = "ok" if ok else "error"
        await self._publisher.audit(
            self._event(
                EventKind.EXECUTE,
                request.principal,
                cluster_id,
                plan,
                outcome=outcome,
                execution=summary,
                confirmation=confirmation,
                error=errors,
                duration_ms=response.duration_ms,
            )
        )
        if any(o != executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED for o in outcomes):
            await self._publisher.audit(
                self._event(
                    EventKind.VERIFY,
                    request.principal,
                    cluster_id,
                    plan,
                    outcome=summary.verification,
                    execution=summary,
                    confirmation=confirmation,
                )
            )


def _severity(outcome: int) -> int:
    order: dict[int, int] = {
        executor_pb2.VERIFICATION_OUTCOME_NOT_NEEDED: 0,
        executor_pb2.VERIFICATION_OUTCOME_VERIFIED: 1,
        executor_pb2.VERIFICATION_OUTCOME_ROLLED_BACK: 2,
        executor_pb2.VERIFICATION_OUTCOME_FAILED: 3,
    }
    return order.get(outcome, 0)


def _summary(applied: list[Applied], suffix: str = "") -> str:
    lines = []
    for item in applied:
        m = item.mutation
        where = f" in {m.namespace}" if m.namespace else ""
        lines.append(f"{m.resource.kind.lower()}/{m.name}{where}: {m.change}d{suffix}")
        if (item.after or {}).get("kind") == "TokenRequest":
            lines.append(str(((item.after or {}).get("status") or {}).get("token", "")))
    return "\n".join(lines)


def risk_or_read(operation: common_pb2.Operation) -> Risk:
    """For the audit summary of a plan that may name an unknown verb."""
    try:
        return HANDLERS.risk(operation)
    except KubeChatError:
        return Risk.READ


__all__ = ["Engine", "Mutation", "identity_of"]
