"""REST schemas of conversations, clusters and templates, and the chat event family.

The chat events are what `/api/v1/conversations/{id}/ws` sends and the public gRPC
`KubeChatService` streams (as ChatEvent.type + payload). Every event is a JSON object with
a `type`, the `conversation_id` and the `request_id` of the ask it belongs to;
`GET /api/v1/chat-events/schema` serves the JSON Schema of the whole family.
"""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from kubechat_gateway.schemas import ClarificationPublic, PlanPublic, ResultPublic, RiskName

ConversationId = Annotated[str, Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")]
ExportFormat = Literal["markdown", "json", "csv"]


class ConversationCreate(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    title: str = Field(default="", max_length=200)
    cluster: str = Field(default="", max_length=253)


class ConversationPublic(BaseModel):
    id: str
    title: str
    cluster_id: str
    created_at: datetime
    updated_at: datetime
    message_count: int = 0


class ConversationList(BaseModel):
    conversations: list[ConversationPublic]


class MessagePublic(BaseModel):
    id: int
    role: Literal["user", "assistant"]
    type: str = Field(description="'text' for the user's words, else the chat event type")
    text: str
    payload: dict[str, Any]
    created_at: datetime


class MessageList(BaseModel):
    conversation_id: str
    messages: list[MessagePublic]


class ConfirmBody(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    confirmation_id: str = Field(min_length=1, max_length=64, pattern=r"^[A-Za-z0-9_-]+$")
    typed_name: str = Field(default="", max_length=253)


class CancelBody(BaseModel):
    model_config = ConfigDict(extra="forbid")

    confirmation_id: str = Field(default="", max_length=64, pattern=r"^[A-Za-z0-9_-]*$")


class ClusterPublic(BaseModel):
    id: str
    name: str
    environment: str = Field(description="From the `environment` label; colours the UI")
    labels: dict[str, str]
    server: str
    reachable: bool
    version: str = ""
    nodes_ready: int = 0
    nodes_total: int = 0
    error: str = ""


class ClusterList(BaseModel):
    clusters: list[ClusterPublic]


class TemplatePublic(BaseModel):
    id: str
    title: str
    text: str
    risk: RiskName


class TemplateList(BaseModel):
    templates: list[TemplatePublic]


class WebConfig(BaseModel):
    auth_mode: Literal["dev", "oidc"]
    oidc_issuer: str
    oidc_client_id: str
    rate_limit_asks: int
    rate_limit_window_seconds: int


# -- chat events ---------------------------------------------------------------------


class _Event(BaseModel):
    conversation_id: str
    request_id: str = Field(description="The ask (or confirm) this event belongs to")


class TypingEvent(_Event):
    type: Literal["typing"] = "typing"
    active: bool


class UserMessageEvent(_Event):
    type: Literal["user_message"] = "user_message"
    text: str
    cluster: str


class PlanEvent(_Event):
    type: Literal["plan"] = "plan"
    cluster: str
    plan: PlanPublic


class ClarificationEvent(_Event):
    type: Literal["clarification"] = "clarification"
    clarification: ClarificationPublic


class ClusterChangeEvent(_Event):
    """A follow-up would run on another cluster than the conversation's last one."""

    type: Literal["cluster_change"] = "cluster_change"
    previous: str
    cluster: str


class AffectedPublic(BaseModel):
    kind: str
    namespace: str
    name: str
    change: str


class PreviewEvent(_Event):
    type: Literal["preview"] = "preview"
    cluster: str
    diff: str
    affected: list[AffectedPublic]


class PolicyPublic(BaseModel):
    type_name: bool = Field(description="The user must type `expected_name` to confirm")
    expected_name: str = ""
    second_approver: bool = False
    reason: str = ""


class ConfirmationRequestEvent(_Event):
    type: Literal["confirmation_request"] = "confirmation_request"
    confirmation_id: str
    cluster: str
    risk: RiskName
    kubectl: list[str]
    policy: PolicyPublic
    expires_at: datetime


class ProgressEvent(_Event):
    type: Literal["progress"] = "progress"
    index: int
    message: str
    fraction: float = 0.0


class LogEvent(_Event):
    type: Literal["log"] = "log"
    index: int
    text: str


class VerificationPublic(BaseModel):
    outcome: Literal["unspecified", "not_needed", "verified", "failed", "rolled_back"]
    condition: str = ""
    detail: str = ""


class ResultEvent(_Event):
    type: Literal["result"] = "result"
    cluster: str
    result: ResultPublic
    verification: VerificationPublic | None = None


class ErrorEvent(_Event):
    type: Literal["error"] = "error"
    code: str
    message: str
    hint: str = ""


class CancelledEvent(_Event):
    type: Literal["cancelled"] = "cancelled"
    confirmation_id: str


class DoneEvent(_Event):
    type: Literal["done"] = "done"
    status: Literal[
        "done", "needs_clarification", "needs_confirmation", "error", "cancelled", "rate_limited"
    ]


ChatEvent = Annotated[
    TypingEvent
    | UserMessageEvent
    | PlanEvent
    | ClarificationEvent
    | ClusterChangeEvent
    | PreviewEvent
    | ConfirmationRequestEvent
    | ProgressEvent
    | LogEvent
    | ResultEvent
    | ErrorEvent
    | CancelledEvent
    | DoneEvent,
    Field(discriminator="type"),
]


class ChatEventList(BaseModel):
    """The events one REST confirm/cancel produced, in order."""

    events: list[dict[str, Any]]
