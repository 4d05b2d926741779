"""REST bodies of the audit API (/api/v1/audit/...). Routes return these, never protos."""

from __future__ import annotations

from datetime import datetime
from typing import Any, Literal

from pydantic import BaseModel, Field

from kubechat_gateway.schemas import RiskName

ExportFormat = Literal["jsonl", "csv"]
ReportGroup = Literal["user", "tenant"]


class AuditEventPublic(BaseModel):
    event_id: str
    time: datetime
    kind: str
    tenant: str
    user: str
    roles: list[str]
    source_ip: str
    user_agent: str
    cluster_id: str
    conversation_id: str
    text: str
    verbs: list[str]
    kubectl: list[str]
    risk: RiskName
    outcome: str
    error: str
    duration_ms: float
    confirmation_token_id: str
    approver: str
    verification: str
    schema_version: int
    event: dict[str, Any] = Field(description="The full stored event, secrets redacted.")


class AuditEventList(BaseModel):
    events: list[AuditEventPublic]
    total: int
    next_page_token: str = ""


class ReportRowPublic(BaseModel):
    key: str = Field(description="The user (tenant/user) or the tenant.")
    day: str
    events: int
    writes: int
    denials: int


class ReportPublic(BaseModel):
    group_by: ReportGroup
    rows: list[ReportRowPublic]
