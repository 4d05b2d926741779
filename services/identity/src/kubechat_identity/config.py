from __future__ import annotations

from typing import Literal

from kubechat.config import ServiceSettings


class IdentitySettings(ServiceSettings):
    grpc_port: int = 7104
    # The OpenID issuer whose tokens are accepted, e.g. http://127.0.0.1:8180/realms/kubechat.
    # Its last path segment is the Keycloak realm; everything before /realms/ is the server.
    oidc_issuer: str = ""
    # A token must name this audience in `aud` (the realm's audience mapper puts it there).
    oidc_audience: str = "kubechat-api"
    # Clock skew tolerated on exp/nbf/iat, in seconds.
    token_leeway_seconds: float = 5.0
    # An unknown `kid` refetches the JWKS at most this often: rotation is picked up at once,
    # but a flood of forged kids cannot turn into a flood of requests to Keycloak.
    jwks_min_refresh_seconds: float = 10.0
    # Keys are refetched at least this often, so a key Keycloak disabled stops validating.
    jwks_max_age_seconds: float = 300.0
    # Kubernetes identity rule (docs/identity.md): user = prefix + username; each Keycloak
    # group path /a/b becomes prefix + "a:b"; the `k8s_groups` claim is added verbatim.
    k8s_user_prefix: str = ""
    k8s_group_prefix: str = "kubechat:"
    # The claim that names the Kubernetes user: preferred_username, or email (then only
    # with email_verified). IdP `system:` users and groups are always refused.
    k8s_username_claim: Literal["preferred_username", "email"] = "preferred_username"
    # The confidential client whose service account administers users (realm-management
    # roles view-users, manage-users, query-groups).
    keycloak_admin_client_id: str = "kubechat-identity"
    keycloak_admin_client_secret: str = "kubechat-identity-dev-secret"
    secret_fields: tuple[str, ...] = ("keycloak_admin_client_secret",)

    @property
    def keycloak_url(self) -> str:
        return self.oidc_issuer.split("/realms/", 1)[0]

    @property
    def realm(self) -> str:
        return self.oidc_issuer.rstrip("/").rsplit("/realms/", 1)[-1]
