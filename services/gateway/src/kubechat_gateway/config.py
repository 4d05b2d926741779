from __future__ import annotations

from typing import Literal

from pydantic import SecretStr, model_validator

from kubechat.config import ServiceSettings


class GatewaySettings(ServiceSettings):
    http_host: str = "127.0.0.1"
    http_port: int = 8080
    nlp_address: str = "127.0.0.1:7101"
    executor_address: str = "127.0.0.1:7102"
    audit_address: str = "127.0.0.1:7103"
    identity_address: str = "127.0.0.1:7104"
    redis_url: str = "redis://127.0.0.1:6379/0"
    # Ed25519 private key (PEM file) that signs the caller assertions internal services
    # trust; they hold only its public key (kubechat.callers).
    caller_signing_key: str = ""
    # "dev": every request acts as the local developer with the kubeconfig's own rights.
    # "oidc": bearer tokens validated by the identity service (identity v1).
    auth_mode: Literal["dev", "oidc"] = "dev"
    max_body_bytes: int = 64 * 1024
    max_text_chars: int = 8000
    call_timeout: float = 20.0
    dependency_timeout: float = 2.0
    # Conversations and messages. SQLite by default (make dev and tests point it at the
    # stack's own directory); "postgresql+psycopg://user:pw@host/db" in production.
    database_url: str = "sqlite:///kubechat-gateway.db"
    # The built web UI (web/dist). Empty: the repository's web/dist when it exists; the UI
    # is served only when the directory exists, so an API-only gateway needs no Node.
    web_dir: str = ""
    # The public gRPC API (KubeChatService) for integrations; 0 turns it off. It serves TLS
    # with this certificate and key (PEM; clients verify it and authenticate each call with
    # their bearer token, never a client certificate). public_grpc_plaintext serves it
    # without TLS instead: a local experiment only, refused in production.
    public_grpc_port: int = 7105
    public_grpc_tls_cert: str = ""
    public_grpc_tls_key: str = ""
    public_grpc_plaintext: bool = False
    # Asks per user per window (fixed window in Redis), across every gateway replica.
    rate_limit_asks: int = 30
    rate_limit_window_seconds: int = 60
    # What the web UI needs to sign in (served by GET /api/v1/config).
    oidc_issuer: str = ""
    oidc_client_id: str = "kubechat-web"
    # How long a previewed change waits for its confirmation before it must be asked again.
    confirmation_ttl_seconds: int = 300
    # Seals previewed changes in Redis (pending.py); every replica needs the same one.
    # Empty: a random key per process (dev and test run one gateway); production requires it.
    confirmation_seal_key: SecretStr = SecretStr("")
    secret_fields: tuple[str, ...] = ("confirmation_seal_key",)
    # Swagger UI (/docs) and ReDoc (/redoc) load their bundles from a CDN, on the origin
    # that holds users' tokens: off unless asked for. /openapi.json is always served.
    api_docs: bool = False

    @model_validator(mode="after")
    def _refuse_unsafe_in_production(self) -> GatewaySettings:
        # auth_mode=dev lets every caller act as a cluster admin; the chart refuses it, and
        # so must a gateway started any other way.
        if self.auth_mode == "dev" and self.environment == "production":
            raise ValueError(
                "KUBECHAT_AUTH_MODE=dev is refused with KUBECHAT_ENVIRONMENT=production "
                "(every caller would act as an administrator); set KUBECHAT_AUTH_MODE=oidc "
                "and KUBECHAT_OIDC_ISSUER"
            )
        if self.environment == "production" and len(self.confirmation_seal_key) < 32:
            raise ValueError(
                "KUBECHAT_CONFIRMATION_SEAL_KEY must hold at least 32 random characters in "
                "production (every gateway replica the same), e.g. from "
                "`openssl rand -base64 32`"
            )
        if self.public_grpc_plaintext and self.environment == "production":
            raise ValueError(
                "KUBECHAT_PUBLIC_GRPC_PLAINTEXT is refused with KUBECHAT_ENVIRONMENT=production "
                "(bearer tokens would cross the network in clear); set "
                "KUBECHAT_PUBLIC_GRPC_TLS_CERT and KUBECHAT_PUBLIC_GRPC_TLS_KEY"
            )
        return self
