"""Settings shared by every service. Each service subclasses `ServiceSettings`.

Settings come from `KUBECHAT_*` environment variables (and a `.env` file in dev). They are
built once in `main()` and passed down: no module reads the environment on its own.
"""

from __future__ import annotations

import ssl
from typing import Any, Literal

from pydantic import SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

PLACEHOLDER_SECRETS = frozenset({"", "changeme", "change-me", "dev", "secret", "admin"})
# The client secrets the demo realm (deploy/keycloak/kubechat-realm.json) ships: public in
# this repository, so anyone could sign in as those clients. A test keeps this list equal
# to the realm's secrets.
DEMO_SECRETS = frozenset({"kubechat-api-dev-secret", "kubechat-identity-dev-secret"})


class ServiceSettings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="KUBECHAT_", env_file=None, extra="ignore")

    environment: Literal["dev", "test", "production"] = "dev"
    log_level: str = "INFO"
    log_format: Literal["json", "text"] = "json"
    grpc_host: str = "127.0.0.1"
    grpc_port: int = 0
    nats_url: str = "nats://127.0.0.1:4222"
    # Credentials travel apart from the URLs, so an address in a log line or an error never
    # carries a password. Empty user: connect anonymously (a server that allows it).
    nats_user: str = ""
    nats_password: SecretStr = SecretStr("")
    # The Redis ACL user (services that use Redis); the URL names only where Redis is.
    redis_user: str = ""
    redis_password: SecretStr = SecretStr("")
    # TLS to NATS and Redis: the CA (PEM file) that signed their server certificates. Set,
    # the client speaks TLS whatever the URL's scheme and verifies the server (name
    # included) against it; empty, only a tls:// or rediss:// URL does, against the system's
    # CAs. The dev stack and the tests always set them.
    nats_tls_ca: str = ""
    redis_tls_ca: str = ""
    otel_exporter: Literal["none", "console"] = "none"
    # Mutual TLS on internal gRPC: this service's certificate and key, and the mesh CA
    # (PEM files; see kubechat.mtls). Required unless insecure_internal is set.
    tls_cert: str = ""
    tls_key: str = ""
    tls_ca: str = ""
    # The gateway's Ed25519 public key, to verify the caller assertions it signs.
    caller_public_key: str = ""
    caller_leeway_seconds: float = 5.0
    # Plaintext gRPC and unverified callers, for a throwaway local run; refused in production.
    insecure_internal: bool = False
    # A plaintext port that serves only gRPC health, for kubelet probes (they cannot present
    # a client certificate); 0: none.
    health_port: int = 0

    # Names of fields that hold secrets; placeholders are refused outside dev and test.
    secret_fields: tuple[str, ...] = ()

    @model_validator(mode="after")
    def _refuse_placeholder_secrets(self) -> ServiceSettings:
        if self.environment == "production" and self.insecure_internal:
            raise ValueError(
                "KUBECHAT_INSECURE_INTERNAL is refused in production: mount the mesh "
                "certificates (KUBECHAT_TLS_CERT/KEY/CA) and KUBECHAT_CALLER_PUBLIC_KEY"
            )
        if self.environment == "production":
            for field in self.secret_fields:
                value = getattr(self, field, "")
                value = value.get_secret_value() if isinstance(value, SecretStr) else str(value)
                if value.lower() in PLACEHOLDER_SECRETS:
                    raise ValueError(
                        f"KUBECHAT_{field.upper()} holds a placeholder; set a real secret "
                        "in production"
                    )
                if value in DEMO_SECRETS:
                    raise ValueError(
                        f"KUBECHAT_{field.upper()} is the demo realm's published client "
                        "secret (deploy/keycloak/kubechat-realm.json), refused in production: "
                        "regenerate the client's secret in Keycloak (Clients > Credentials) "
                        "and set the new one"
                    )
        return self

    def redis_credentials(self) -> dict[str, Any]:
        """Keyword arguments for redis.asyncio's `from_url`: `username`/`password` when a user
        is configured, and TLS verified against `redis_tls_ca` when it is set."""
        options: dict[str, Any] = {}
        if self.redis_user:
            options["username"] = self.redis_user
            options["password"] = self.redis_password.get_secret_value()
        if self.redis_tls_ca:
            # Imported here: redis-py belongs to the services that use Redis, not to this
            # library. A connection class passed to from_url wins over a redis:// scheme.
            from redis.asyncio.connection import SSLConnection

            options.update(
                connection_class=SSLConnection,
                ssl_ca_certs=self.redis_tls_ca,
                ssl_cert_reqs="required",
                ssl_check_hostname=True,
            )
        return options

    def nats_tls(self) -> ssl.SSLContext | None:
        """The TLS context for NATS (verifying `nats_tls_ca`), or None: the URL decides."""
        return ssl.create_default_context(cafile=self.nats_tls_ca) if self.nats_tls_ca else None

    @property
    def grpc_address(self) -> str:
        return f"{self.grpc_host}:{self.grpc_port}"
