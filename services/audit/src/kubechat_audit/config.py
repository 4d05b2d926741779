from __future__ import annotations

from kubechat.config import ServiceSettings


class AuditSettings(ServiceSettings):
    grpc_port: int = 50053
    consumer_name: str = "audit-writer"
    batch_size: int = 512
