"""The gateway's public gRPC port: TLS unless plaintext is asked for, never plaintext in
production, and a refusal to start that names what is missing."""

from __future__ import annotations

from pathlib import Path

import pytest
from pydantic import SecretStr, ValidationError

from kubechat_devstack.service_identity import ensure_pki
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.public_grpc import credentials


def test_plaintext_public_grpc_is_refused_in_production() -> None:
    with pytest.raises(ValidationError, match="KUBECHAT_PUBLIC_GRPC_PLAINTEXT is refused"):
        GatewaySettings(
            environment="production",
            auth_mode="oidc",
            public_grpc_plaintext=True,
            confirmation_seal_key=SecretStr("k" * 32),
        )
    GatewaySettings(environment="dev", public_grpc_plaintext=True)


def test_the_public_port_needs_a_certificate_or_an_explicit_plaintext_flag(
    tmp_path: Path,
) -> None:
    with pytest.raises(SystemExit, match="KUBECHAT_PUBLIC_GRPC_TLS_CERT"):
        credentials(GatewaySettings())
    with pytest.raises(SystemExit, match="does not exist"):
        credentials(
            GatewaySettings(
                public_grpc_tls_cert=str(tmp_path / "nope.crt"),
                public_grpc_tls_key=str(tmp_path / "nope.key"),
            )
        )
    assert credentials(GatewaySettings(public_grpc_plaintext=True)) is None
    pki = ensure_pki(tmp_path)
    served = GatewaySettings(
        public_grpc_tls_cert=str(pki.cert("gateway-api")),
        public_grpc_tls_key=str(pki.key("gateway-api")),
    )
    assert credentials(served) is not None
