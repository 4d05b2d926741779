"""Mutual TLS between the services, and each service's view of its own credentials.

Every internal gRPC hop is TLS with a client certificate from the mesh CA, both ways: the
server proves it is the executor (say), the client proves it is the gateway. A peer's
name is the `spiffe://kubechat/<name>` URI in its certificate (what cert-manager issues
with `uris:`), else its common name. Which peer may call which method is declared once,
in `kubechat.admission`.

Servers re-read their key pair and CA when the files change (cert-manager rewrites the
mounted Secret in place), so rotating a server certificate needs no restart; clients
read theirs when their channels open.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import grpc

from kubechat.callers import CallerSigner, CallerVerifier, load_private_key, load_public_keys
from kubechat.config import ServiceSettings

log = logging.getLogger(__name__)

PEER_URI_PREFIX = "spiffe://kubechat/"


class InsecureSettings(ValueError):
    """The settings would run a service without mutual TLS or caller assertions."""


def _read(path: str) -> bytes:
    return Path(path).read_bytes()


@dataclass
class _ServerCertificates:
    """Builds the server's certificate configuration, again whenever a file changes."""

    cert: str
    key: str
    ca: str  # empty: clients are not asked for a certificate (the public port)
    _stamp: tuple[float, ...] = field(default=())

    def stamp(self) -> tuple[float, ...]:
        return tuple(os.stat(p).st_mtime for p in (self.cert, self.key, self.ca) if p)

    def configuration(self) -> Any:
        self._stamp = self.stamp()
        return grpc.ssl_server_certificate_configuration(
            [(_read(self.key), _read(self.cert))],
            root_certificates=_read(self.ca) if self.ca else None,
        )

    def fetch(self) -> Any:
        # Called by gRPC before each handshake; None keeps the current configuration.
        try:
            if self.stamp() == self._stamp:
                return None
            configuration = self.configuration()
        except OSError:
            # Mid-rotation (one file written, not the next): keep serving with the old pair.
            return None
        log.info("TLS certificate reloaded", extra={"cert": self.cert})
        return configuration


@dataclass(frozen=True)
class MeshSecurity:
    """How this service talks to the mesh: TLS material, and caller-assertion keys."""

    service: str
    insecure: bool = False
    cert: str = ""
    key: str = ""
    ca: str = ""
    verifier: CallerVerifier | None = None  # every service that acts for users
    signer: CallerSigner | None = None  # the gateway only
    health_port: int = 0  # plaintext, health only (kubelet probes carry no certificate)

    @classmethod
    def from_settings(
        cls,
        service: str,
        settings: ServiceSettings,
        *,
        signing_key: str | None = None,
        verifies_callers: bool = True,
    ) -> MeshSecurity:
        """The service's credentials, or a refusal that names the missing settings.

        `signing_key` is the gateway's KUBECHAT_CALLER_SIGNING_KEY (None for services that
        never sign); `verifies_callers` is False for the gateway, which checks users itself.
        """
        if settings.insecure_internal:
            log.warning(
                "KUBECHAT_INSECURE_INTERNAL is set: internal gRPC is plaintext and callers "
                "are not verified; never run this way outside a laptop"
            )
            return cls(service=service, insecure=True)
        missing = [
            f"KUBECHAT_{name.upper()}"
            for name in ("tls_cert", "tls_key", "tls_ca")
            if not getattr(settings, name)
        ]
        if verifies_callers and not settings.caller_public_key:
            missing.append("KUBECHAT_CALLER_PUBLIC_KEY")
        if signing_key is not None and not signing_key:
            missing.append("KUBECHAT_CALLER_SIGNING_KEY")
        if missing:
            raise InsecureSettings(
                f"{', '.join(missing)} must be set: internal gRPC runs with mutual TLS and "
                "signed caller assertions (`kubechat-devstack` makes a local CA and keys; "
                "KUBECHAT_INSECURE_INTERNAL=true turns both off for a throwaway dev run)"
            )
        for path in (settings.tls_cert, settings.tls_key, settings.tls_ca):
            if not Path(path).is_file():
                raise InsecureSettings(f"{path} does not exist or is not a file")
        verifier = (
            CallerVerifier(
                load_public_keys(settings.caller_public_key),
                service,
                leeway=settings.caller_leeway_seconds,
            )
            if verifies_callers
            else None
        )
        signer = CallerSigner(load_private_key(signing_key)) if signing_key else None
        return cls(
            service=service,
            cert=settings.tls_cert,
            key=settings.tls_key,
            ca=settings.tls_ca,
            verifier=verifier,
            signer=signer,
            health_port=settings.health_port,
        )

    def server_credentials(self) -> grpc.ServerCredentials:
        certificates = _ServerCertificates(self.cert, self.key, self.ca)
        return grpc.dynamic_ssl_server_credentials(
            certificates.configuration(), certificates.fetch, require_client_authentication=True
        )

    def channel_credentials(self) -> grpc.ChannelCredentials:
        return grpc.ssl_channel_credentials(
            root_certificates=_read(self.ca),
            private_key=_read(self.key),
            certificate_chain=_read(self.cert),
        )


def server_tls(cert: str, key: str) -> grpc.ServerCredentials:
    """TLS that proves the server and asks the client for no certificate (the public API,
    whose callers authenticate with a bearer token); the pair is re-read when it changes,
    like the mesh's."""
    certificates = _ServerCertificates(cert, key, ca="")
    return grpc.dynamic_ssl_server_credentials(
        certificates.configuration(), certificates.fetch, require_client_authentication=False
    )


def peer_name(auth_context: dict[str, list[bytes]]) -> str | None:
    """The mesh name of a TLS peer, from what the handshake verified; None when plaintext."""
    for san in auth_context.get("x509_subject_alternative_name", []):
        text = san.decode(errors="replace")
        if text.startswith(PEER_URI_PREFIX):
            return text.removeprefix(PEER_URI_PREFIX)
    names = auth_context.get("x509_common_name", [])
    return names[0].decode(errors="replace") if names else None


def load_security(
    service: str,
    settings: ServiceSettings,
    *,
    signing_key: str | None = None,
    verifies_callers: bool = True,
) -> MeshSecurity:
    """`MeshSecurity.from_settings`, with a refusal to start that names what is missing."""
    try:
        return MeshSecurity.from_settings(
            service, settings, signing_key=signing_key, verifies_callers=verifies_callers
        )
    except (InsecureSettings, ValueError, OSError) as exc:
        raise SystemExit(f"kubechat-{service}: {exc}") from None
