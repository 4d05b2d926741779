from __future__ import annotations

import secrets

from pydantic import Field, SecretStr, model_validator

from kubechat.config import PLACEHOLDER_SECRETS, ServiceSettings
from kubechat_executor.confirm import grant_key
from kubechat_executor.crypto import dev_key, valid_key
from kubechat_executor.policy import DEFAULT_RULES, Rule


class ExecutorSettings(ServiceSettings):
    grpc_port: int = 7102
    # The cluster to use when a request names none. Empty: $KUBECONFIG, then ~/.kube/config.
    kubeconfig: str = ""
    kube_context: str = ""
    # Labels of the default cluster (policy can match them), e.g. {"environment": "dev"}.
    default_cluster_labels: dict[str, str] = Field(default_factory=dict)
    # The tenants that see and use the default cluster; "*": every tenant (tenancy.py).
    # A deployment serving several tenants names them: ["acme"].
    default_cluster_tenants: list[str] = Field(default_factory=lambda: ["*"])
    request_timeout: float = 15.0
    page_size: int = 500
    redis_url: str = "redis://127.0.0.1:6379/0"
    database_url: str = "sqlite:///kubechat-executor.db"
    # Fernet key (base64 of 32 bytes) for cluster credentials at rest.
    encryption_key: str = ""
    token_ttl: int = 300
    # Signs the confirmation grants kept in Redis (see confirm.py). Empty: derived from
    # encryption_key, which production requires anyway; with the published dev key, a
    # random key per process instead (pending confirmations end with the process).
    confirmation_key: SecretStr = SecretStr("")
    verify_timeout: float = 120.0
    verify_interval: float = 1.0
    health_interval: float = 15.0
    # Identity the health check impersonates to count Ready nodes (the executor itself may
    # only impersonate). Empty: node readiness is reported as unknown.
    health_user: str = ""
    health_groups: list[str] = Field(default_factory=list)
    policy: list[Rule] = Field(default_factory=lambda: list(DEFAULT_RULES))
    # Concurrent Kubernetes calls per executor (threads of the blocking client).
    max_workers: int = 64
    # Cluster views for nlp (GetClusterView), gathered as the asking user; see view.py.
    view_ttl: float = 30.0
    # After a watch saw objects come or go, views older than this are gathered again.
    view_min_refresh: float = 2.0
    # Namespaces looked into for users who may not list namespaces cluster-wide.
    view_namespaces: list[str] = Field(default_factory=list)
    view_max_objects: int = 20_000
    view_max_custom_kinds: int = 50
    # Identity whose watches mark cached views stale (never a source of names); needs
    # list/watch on namespaces, pods, services and the workload kinds. Empty: TTL only.
    view_watch_user: str = ""
    view_watch_groups: list[str] = Field(default_factory=list)
    # Networks (CIDR) a registered cluster may point into although they are loopback,
    # link-local or otherwise refused (reach.py), e.g. ["127.0.0.1/32"] for a local test
    # bed. Empty: none; the default cluster (this executor's kubeconfig) is never checked.
    cluster_allowed_networks: list[str] = Field(default_factory=list)

    secret_fields: tuple[str, ...] = ("encryption_key",)

    def grant_mac_key(self) -> bytes:
        """The key confirmation grants are MAC'd with; call once per process."""
        if self.confirmation_key.get_secret_value():
            return grant_key(self.confirmation_key.get_secret_value())
        if self.encryption_key != dev_key():
            return grant_key(self.encryption_key)
        # The dev key is in the source: anyone could sign grants with what derives from it.
        return secrets.token_bytes(32)

    @model_validator(mode="after")
    def _usable_key(self) -> ExecutorSettings:
        if not self.encryption_key or self.encryption_key.lower() in PLACEHOLDER_SECRETS:
            if self.environment == "production":
                raise ValueError("KUBECHAT_ENCRYPTION_KEY must be set to a Fernet key")
            self.encryption_key = dev_key()
        if self.environment == "production" and self.encryption_key == dev_key():
            raise ValueError("KUBECHAT_ENCRYPTION_KEY is the development key")
        if not valid_key(self.encryption_key):
            raise ValueError(
                "KUBECHAT_ENCRYPTION_KEY is not a Fernet key (generate one with `python -c "
                "'from cryptography.fernet import Fernet; print(Fernet.generate_key().decode())'`)"
            )
        return self
