"""Versioned events that services publish on NATS and the audit service stores.

A consumer must accept every schema version it has ever seen; a new field gets a default
so old events still parse. Subjects are `kubechat.audit.v1.<tenant>.<kind>`.
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

AUDIT_STREAM = "KUBECHAT_AUDIT"
AUDIT_SUBJECT_ROOT = "kubechat.audit.v1"
DEAD_LETTER_STREAM = "KUBECHAT_DEADLETTER"
DEAD_LETTER_ROOT = "kubechat.deadletter"


class EventKind(StrEnum):
    ASK = "ask"
    PLAN = "plan"
    PREVIEW = "preview"
    CONFIRM = "confirm"
    EXECUTE = "execute"
    VERIFY = "verify"
    DENIED = "denied"
    CLUSTER_HEALTH = "cluster_health"


class PlanSummary(BaseModel):
    model_config = ConfigDict(extra="ignore")

    operations: list[dict[str, Any]] = Field(default_factory=list)
    kubectl: list[str] = Field(default_factory=list)
    risk: str = "read"
    confidence: float = 0.0
    engine: str = ""


class Confirmation(BaseModel):
    token_id: str = ""
    approver: str = ""


class ExecutionSummary(BaseModel):
    ok: bool = False
    rows: int = 0
    verification: str = ""  # "not_needed", "verified", "failed", "rolled_back"
    detail: str = ""


class AuditEvent(BaseModel):
    """One thing that happened, with who, where and how it ended."""

    model_config = ConfigDict(extra="ignore")

    schema_version: Literal[1] = 1
    event_id: str = Field(default_factory=lambda: uuid.uuid4().hex)
    time: datetime = Field(default_factory=lambda: datetime.now(UTC))
    kind: EventKind
    tenant: str = "default"
    user: str = ""
    roles: list[str] = Field(default_factory=list)
    source_ip: str = ""
    user_agent: str = ""
    conversation_id: str = ""
    cluster_id: str = ""
    text: str = ""
    plan: PlanSummary | None = None
    confirmation: Confirmation | None = None
    execution: ExecutionSummary | None = None
    outcome: str = ""  # "ok", "error", "denied", "clarification"...
    duration_ms: float = 0.0
    error: str = ""

    def verbs(self) -> list[str]:
        """The catalogue verbs of the plan's operations ("get", "scale"...), in order."""
        if self.plan is None:
            return []
        return [str(op.get("verb", "")) for op in self.plan.operations if op.get("verb")]

    def subject(self) -> str:
        return f"{AUDIT_SUBJECT_ROOT}.{subject_token(self.tenant)}.{self.kind.value}"

    def to_bytes(self) -> bytes:
        return self.model_dump_json().encode()

    @classmethod
    def from_bytes(cls, data: bytes) -> AuditEvent:
        return cls.model_validate_json(data)


def subject_token(value: str) -> str:
    """A NATS subject token for `value`: no dots, wildcards or whitespace."""
    cleaned = "".join(c if c.isalnum() or c in "-_" else "_" for c in value)
    return cleaned or "_"
