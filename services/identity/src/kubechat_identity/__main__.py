"""`kubechat-identity`: validates tokens and maps users to Kubernetes identities."""

from __future__ import annotations

import sys
from typing import Any

import httpx
from grpc import aio

from kubechat.grpc import run_server
from kubechat.mtls import load_security
from kubechat.service import build_parser, load_settings, run_service
from kubechat.v1 import identity_pb2_grpc
from kubechat_identity.config import IdentitySettings
from kubechat_identity.jwks import JwksCache
from kubechat_identity.keycloak_admin import KeycloakAdmin
from kubechat_identity.mapping import KubernetesMapping
from kubechat_identity.servicer import IdentityServicer
from kubechat_identity.tokens import TokenValidator
from kubechat_identity.users import TenantUsers


async def serve(settings: IdentitySettings) -> None:
    security = load_security("identity", settings)
    mapping = KubernetesMapping(
        settings.k8s_user_prefix,
        settings.k8s_group_prefix,
        username_claim=settings.k8s_username_claim,
    )
    if not settings.oidc_issuer:
        servicer = IdentityServicer(None, mapping, None)
        admin = None
    else:
        http = httpx.AsyncClient(timeout=5)
        certs_url = f"{settings.oidc_issuer.rstrip('/')}/protocol/openid-connect/certs"

        async def fetch_jwks() -> dict[str, Any]:
            reply = await http.get(certs_url)
            reply.raise_for_status()
            document: dict[str, Any] = reply.json()
            return document

        jwks = JwksCache(
            fetch_jwks,
            min_refresh=settings.jwks_min_refresh_seconds,
            max_age=settings.jwks_max_age_seconds,
        )
        validator = TokenValidator(
            settings.oidc_issuer, settings.oidc_audience, jwks, settings.token_leeway_seconds
        )
        admin = KeycloakAdmin(
            settings.keycloak_url,
            settings.realm,
            settings.keycloak_admin_client_id,
            settings.keycloak_admin_client_secret,
        )
        servicer = IdentityServicer(validator, mapping, TenantUsers(admin))

    def register(server: aio.Server) -> None:
        identity_pb2_grpc.add_IdentityServiceServicer_to_server(servicer, server)

    try:
        await run_server(
            settings.grpc_address,
            [register],
            ["kubechat.v1.IdentityService"],
            security=security,
        )
    finally:
        if admin is not None:
            await admin.close()


def main(argv: list[str] | None = None) -> int:
    parser = build_parser("identity", __doc__ or "", IdentitySettings)
    parser.parse_args(sys.argv[1:] if argv is None else argv)
    return run_service("identity", load_settings(IdentitySettings), serve)


if __name__ == "__main__":
    sys.exit(main())
