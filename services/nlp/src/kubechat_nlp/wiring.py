"""Builds what the gRPC service runs: the engine plus the conversation context store."""

from __future__ import annotations

from redis.exceptions import RedisError

from kubechat.errors import Unavailable
from kubechat_nlp.config import NlpSettings
from kubechat_nlp.context import ContextStore, ConversationContext, RedisContextStore
from kubechat_nlp.engine import Engine, RulesEngine
from kubechat_nlp.model import Plan
from kubechat_nlp.servicer import PlanFor


def conversation_planner(engine: Engine, store: ContextStore, store_name: str) -> PlanFor:
    """Parse with the conversation's context, then remember this turn for the next one."""

    async def plan_for(text: str, conversation_id: str, cluster_id: str) -> Plan:
        context = ConversationContext()
        if conversation_id:
            try:
                context = await store.load(conversation_id)
            except (OSError, RedisError) as exc:
                raise Unavailable(f"{store_name} (conversation context) is unavailable") from exc
        plan = engine.parse(text, context=context, cluster=None)
        if conversation_id:
            try:
                await store.save(conversation_id, context.after(plan))
            except (OSError, RedisError) as exc:
                raise Unavailable(f"{store_name} (conversation context) is unavailable") from exc
        return plan

    return plan_for


def plan_for_settings(settings: NlpSettings) -> PlanFor:
    store = RedisContextStore.from_url(settings.redis_url, ttl_seconds=settings.context_ttl_seconds)
    return conversation_planner(RulesEngine(), store, f"Redis at {settings.redis_url}")
