from __future__ import annotations

from kubechat.config import ServiceSettings


class NlpSettings(ServiceSettings):
    grpc_port: int = 7101
    # Conversation context lives in Redis so any nlp replica can continue any conversation.
    redis_url: str = "redis://127.0.0.1:6379/0"
    context_ttl_seconds: int = 3600
