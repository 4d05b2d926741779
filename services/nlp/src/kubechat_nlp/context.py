"""Conversation context: what earlier turns addressed, so follow-ups can say "it"."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, replace
from typing import Any, Protocol
from urllib.parse import quote

from kubechat.v1 import common_pb2
from kubechat_nlp.model import Operation, Plan, ResourceRef


def context_key(conversation_id: str, owner: common_pb2.Principal | None) -> str:
    """Where a conversation's context is kept: under its owner's tenant and user too, so a
    conversation id learnt or guessed by someone else never reads or steers it (their "it"
    resolves in their own, empty context). `owner` is the verified caller; only a service
    running with KUBECHAT_INSECURE_INTERNAL has none, and keeps the old, trusting key."""
    if owner is None:
        return conversation_id
    # Quoted, so no tenant, user or id can contain the separator and impersonate another.
    return "/".join(quote(part, safe="") for part in (owner.tenant, owner.user, conversation_id))


@dataclass(frozen=True, slots=True)
class ConversationContext:
    last_operations: tuple[Operation, ...] = ()
    namespace: str | None = None
    # An unanswered question: the request to complete and the choices offered.
    pending: str = ""
    pending_choices: tuple[str, ...] = ()
    pending_request: str = ""
    # The last change that RAN here (reported after a confirmed plan executed; a planned,
    # cancelled or failed change never lands here) and the operations that undo it, or
    # why it cannot be undone.
    last_change: tuple[Operation, ...] = ()
    undo: tuple[Operation, ...] = ()
    undo_note: str = ""

    @property
    def last_target(self) -> Operation | None:
        for op in reversed(self.last_operations):
            if op.targets:  # a pod by bare name (exec, logs) has no resource
                return op
        return None

    def after(self, plan: Plan) -> ConversationContext:
        """The context for the next turn once `plan` was produced."""
        question = plan.clarification
        # What KubeChat showed but does not run (exec …) is still what "it" refers to.
        operations = plan.operations or plan.unrunnable
        if question is not None and not plan.unrunnable:
            return replace(
                self,
                pending=question.resume,
                pending_choices=question.choices,
                pending_request=question.request,
            )
        if not operations:
            return replace(self, pending="", pending_choices=(), pending_request="")
        namespace = self.namespace
        for op in operations:
            namespace = _namespace_addressed(op) or op.namespace or namespace
        return replace(
            self,
            last_operations=operations,
            namespace=namespace,
            pending="",
            pending_choices=(),
            pending_request="",
        )

    def with_change(
        self, ran: tuple[Operation, ...], undo: tuple[Operation, ...], undo_note: str = ""
    ) -> ConversationContext:
        """The context once a confirmed plan ran: `undo` puts back the state before it."""
        return replace(self, last_change=ran, undo=undo, undo_note=undo_note)

    def to_json(self) -> str:
        return json.dumps(
            {
                "namespace": self.namespace,
                "operations": [asdict(op) for op in self.last_operations],
                "pending": self.pending,
                "pending_choices": list(self.pending_choices),
                "pending_request": self.pending_request,
                "last_change": [asdict(op) for op in self.last_change],
                "undo": [asdict(op) for op in self.undo],
                "undo_note": self.undo_note,
            }
        )

    @classmethod
    def from_json(cls, raw: str | bytes) -> ConversationContext:
        data = json.loads(raw)
        ops = tuple(_op_from_dict(o) for o in data.get("operations", []))
        return cls(
            last_operations=ops,
            namespace=data.get("namespace"),
            pending=str(data.get("pending", "")),
            pending_choices=tuple(str(c) for c in data.get("pending_choices", ())),
            pending_request=str(data.get("pending_request", "")),
            # Absent from contexts saved before changes were recorded: nothing ran yet.
            last_change=tuple(_op_from_dict(o) for o in data.get("last_change", ())),
            undo=tuple(_op_from_dict(o) for o in data.get("undo", ())),
            undo_note=str(data.get("undo_note", "")),
        )


def _namespace_addressed(op: Operation) -> str | None:
    """The namespace a turn was about: "create namespace hackathon" or "describe namespace
    shop", then "deploy nginx in there" means hackathon, as it would to a colleague."""
    about_one = op.resource is not None and op.resource.plural == "namespaces"
    if op.verb == "create.namespace" or (about_one and op.verb in ("get", "describe")):
        return op.targets[0] if len(op.targets) == 1 else None
    return None


def _ref(data: dict[str, Any] | None) -> ResourceRef | None:
    return ResourceRef(**data) if data else None


def _op_from_dict(data: dict[str, Any]) -> Operation:
    return Operation(
        verb=data["verb"],
        resource=_ref(data.get("resource")),
        namespace=data.get("namespace"),
        name=data.get("name"),
        names=tuple(data.get("names", ())),
        label_selector=data.get("label_selector"),
        field_selector=data.get("field_selector"),
        all_namespaces=bool(data.get("all_namespaces")),
        params=dict(data.get("params", {})),
        subresource=data.get("subresource"),
        extra_resources=tuple(ResourceRef(**r) for r in data.get("extra_resources", ())),
    )


class ContextStore(Protocol):
    async def load(self, conversation_id: str) -> ConversationContext: ...

    async def save(self, conversation_id: str, context: ConversationContext) -> None: ...


class InMemoryContextStore:
    def __init__(self) -> None:
        self._data: dict[str, str] = {}

    async def load(self, conversation_id: str) -> ConversationContext:
        raw = self._data.get(conversation_id)
        return ConversationContext.from_json(raw) if raw else ConversationContext()

    async def save(self, conversation_id: str, context: ConversationContext) -> None:
        self._data[conversation_id] = context.to_json()


class RedisContextStore:
    """One JSON document per conversation, expiring `ttl_seconds` after the last turn."""

    def __init__(
        self, redis: Any, *, ttl_seconds: int = 3600, prefix: str = "kubechat:nlp:ctx:"
    ) -> None:
        # `redis` is a `redis.asyncio.Redis`; typed loosely to keep redis out of the model.
        self._redis = redis
        self._ttl = ttl_seconds
        self._prefix = prefix

    @classmethod
    def from_url(
        cls, url: str, *, ttl_seconds: int = 3600, credentials: dict[str, Any] | None = None
    ) -> RedisContextStore:
        import redis.asyncio as aioredis

        return cls(aioredis.Redis.from_url(url, **(credentials or {})), ttl_seconds=ttl_seconds)

    async def load(self, conversation_id: str) -> ConversationContext:
        raw = await self._redis.get(self._prefix + conversation_id)
        if not raw:
            return ConversationContext()
        try:
            return ConversationContext.from_json(raw)
        except (ValueError, KeyError, TypeError):
            return ConversationContext()  # a corrupt entry must not break the conversation

    async def save(self, conversation_id: str, context: ConversationContext) -> None:
        await self._redis.set(self._prefix + conversation_id, context.to_json(), ex=self._ttl)

    async def aclose(self) -> None:
        await self._redis.aclose()
