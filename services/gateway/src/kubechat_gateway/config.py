from __future__ import annotations

from typing import Literal

from kubechat.config import ServiceSettings


class GatewaySettings(ServiceSettings):
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    nlp_address: str = "127.0.0.1:50051"
    executor_address: str = "127.0.0.1:50052"
    audit_address: str = "127.0.0.1:50053"
    identity_address: str = "127.0.0.1:50054"
    redis_url: str = "redis://127.0.0.1:6379/0"
    # "dev": every request acts as the local developer with the kubeconfig's own rights.
    # "oidc": bearer tokens validated by the identity service (identity v1).
    auth_mode: Literal["dev", "oidc"] = "dev"
    max_body_bytes: int = 64 * 1024
    max_text_chars: int = 8000
    call_timeout: float = 20.0
    dependency_timeout: float = 2.0
