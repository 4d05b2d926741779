"""Request and response bodies of the REST API. Routes return these, never protos."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

RiskName = Literal["unspecified", "read", "write", "destructive"]
AskStatus = Literal["done", "needs_clarification", "needs_confirmation"]


class AskRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    text: str = Field(min_length=1, description="What to do, in plain language.")
    cluster: str = Field(default="", max_length=253, description="Cluster id; empty: default.")
    conversation_id: str = Field(default="", max_length=64, pattern=r"^[A-Za-z0-9_-]*$")


class Choice(BaseModel):
    label: str
    text: str


class ClarificationPublic(BaseModel):
    question: str
    choices: list[Choice]


class PlanPublic(BaseModel):
    kubectl: list[str]
    risk: RiskName
    confidence: float
    operations: list[dict[str, Any]]
    clarification: ClarificationPublic | None = None
    engine: str = ""


class TablePublic(BaseModel):
    kind: str
    columns: list[str]
    rows: list[list[str]]
    continue_token: str = ""


class ErrorPublic(BaseModel):
    code: str
    message: str
    hint: str = ""


class ResultPublic(BaseModel):
    kubectl: str
    ok: bool
    table: TablePublic | None = None
    text: str = ""
    error: ErrorPublic | None = None


class AskResponse(BaseModel):
    conversation_id: str
    cluster: str
    plan: PlanPublic
    status: AskStatus
    results: list[ResultPublic]
    event_id: str
    duration_ms: float


class DependencyStatus(BaseModel):
    ok: bool
    detail: str = Field(default="", description="Why not ready, in a word; never an address")


class ReadinessPublic(BaseModel):
    ready: bool
    dependencies: dict[str, DependencyStatus]


class ErrorResponse(BaseModel):
    error: ErrorPublic
