from __future__ import annotations

from kubechat.config import ServiceSettings


class IdentitySettings(ServiceSettings):
    grpc_port: int = 50054
    # The OpenID issuer whose tokens are accepted, e.g. http://127.0.0.1:8180/realms/kubechat.
    oidc_issuer: str = ""
