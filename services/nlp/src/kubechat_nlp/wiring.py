"""Builds what the gRPC service runs: the engine, the conversation context store and the
cluster views from the executor."""

from __future__ import annotations

import asyncio

from grpc import aio
from redis.exceptions import RedisError

from kubechat.errors import Unavailable
from kubechat.v1 import common_pb2, executor_pb2, executor_pb2_grpc
from kubechat_nlp.cluster_views import ClusterViews
from kubechat_nlp.config import NlpSettings
from kubechat_nlp.context import ContextStore, ConversationContext, RedisContextStore
from kubechat_nlp.engine import Engine, RulesEngine
from kubechat_nlp.llm.hybrid import HybridEngine
from kubechat_nlp.llm.settings import hybrid_from_settings
from kubechat_nlp.model import Operation, Plan
from kubechat_nlp.servicer import ChangeRecorder, PlanFor


def conversation_planner(
    engine: Engine, store: ContextStore, store_name: str, views: ClusterViews | None = None
) -> PlanFor:
    """Parse with the conversation's context and the user's view of the cluster, then
    remember this turn for the next one."""

    async def plan_for(
        text: str,
        conversation_id: str,
        cluster_id: str,
        tenant: str = "",
        principal: common_pb2.Principal | None = None,
    ) -> Plan:
        context = ConversationContext()
        if conversation_id:
            try:
                context = await store.load(conversation_id)
            except (OSError, RedisError) as exc:
                raise Unavailable(f"{store_name} (conversation context) is unavailable") from exc
        cluster = None
        if views is not None:
            # The conversation's namespace is where a user who may not list namespaces
            # is most likely working.
            hints = [context.namespace] if context.namespace else []
            cluster = await views.view_for(cluster_id, principal, hints)
        if isinstance(engine, HybridEngine):
            # A model call blocks for up to its timeout: off the event loop, so other
            # conversations keep being answered meanwhile.
            plan = await asyncio.to_thread(
                engine.parse,
                text,
                context=context,
                cluster=cluster,
                tenant=tenant,
                conversation_id=conversation_id,
            )
        else:
            plan = engine.parse(text, context=context, cluster=cluster)
        if conversation_id:
            try:
                await store.save(conversation_id, context.after(plan))
            except (OSError, RedisError) as exc:
                raise Unavailable(f"{store_name} (conversation context) is unavailable") from exc
        return plan

    return plan_for


def change_recorder(store: ContextStore, store_name: str) -> ChangeRecorder:
    """Keeps in the conversation what a confirmed plan ran and how to undo it."""

    async def record(
        conversation_id: str,
        ran: tuple[Operation, ...],
        undo: tuple[Operation, ...],
        undo_note: str,
    ) -> None:
        try:
            context = await store.load(conversation_id)
            await store.save(conversation_id, context.with_change(ran, undo, undo_note))
        except (OSError, RedisError) as exc:
            raise Unavailable(f"{store_name} (conversation context) is unavailable") from exc

    return record


def engine_for_settings(settings: NlpSettings) -> Engine:
    if settings.engine == "rules":
        return RulesEngine().warmed()
    return hybrid_from_settings(settings)


def views_for_settings(settings: NlpSettings, channel: aio.Channel) -> ClusterViews:
    stub = executor_pb2_grpc.ExecutorServiceStub(channel)

    async def fetch(
        request: executor_pb2.GetClusterViewRequest, timeout: float
    ) -> executor_pb2.GetClusterViewResponse:
        response: executor_pb2.GetClusterViewResponse = await stub.GetClusterView(
            request, timeout=timeout
        )
        return response

    return ClusterViews(
        fetch,
        timeout=settings.view_timeout_seconds,
        stale_seconds=settings.view_stale_seconds,
    )


def context_store_for_settings(settings: NlpSettings) -> ContextStore:
    return RedisContextStore.from_url(
        settings.redis_url,
        ttl_seconds=settings.context_ttl_seconds,
        credentials=settings.redis_credentials(),
    )


def plan_for_settings(
    settings: NlpSettings,
    engine: Engine | None = None,
    views: ClusterViews | None = None,
    store: ContextStore | None = None,
) -> PlanFor:
    return conversation_planner(
        engine or engine_for_settings(settings),
        store or context_store_for_settings(settings),
        f"Redis at {settings.redis_url}",
        views,
    )


def recorder_for_settings(settings: NlpSettings, store: ContextStore) -> ChangeRecorder:
    return change_recorder(store, f"Redis at {settings.redis_url}")
