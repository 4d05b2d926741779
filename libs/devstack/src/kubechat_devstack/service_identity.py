"""Service identity for a local stack: the keys and certificates each service proves itself
with, written under the stack's directory and handed to each process by environment.

One CA per stack directory (`<base_dir>/mesh-pki/`), one certificate per service (and one
for the harness itself, `devstack`, which probes health and drives the e2e tests), and the
gateway's Ed25519 caller-signing pair. Everything is made once and reused while it is
valid, so `make dev` keeps its certificates across restarts; deleting the directory (or a
certificate within a week of expiry) makes new ones: that is rotation, locally.
"""

from __future__ import annotations

import collections
import datetime
import ipaddress
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

import grpc
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from cryptography.x509.oid import ExtendedKeyUsageOID
from grpc import aio

from kubechat import grpc as kc_grpc
from kubechat.caller_channels import SigningInterceptor, body_principal
from kubechat.callers import ASSERTION_HEADER, CallerSigner, load_private_key
from kubechat.mtls import PEER_URI_PREFIX, MeshSecurity
from kubechat.v1 import common_pb2
from kubechat_devstack.pki import _cert_pem, _key_pem, _write, issue, new_ca

HARNESS = "devstack"
PEERS = ("gateway", "nlp", "executor", "audit", "identity", HARNESS)
# Servers that prove themselves with the same CA but take no client certificate: the
# gateway's public gRPC API (clients bring a bearer token), NATS and Redis (clients bring a
# user and password). Each name is also the host compose reaches it by.
SERVERS = {"gateway-api": "gateway", "nats-server": "nats", "redis-server": "redis"}
RENEW_BEFORE = datetime.timedelta(days=7)
INSECURE_FLAG = "KUBECHAT_INSECURE_INTERNAL"


@dataclass(frozen=True)
class MeshPki:
    directory: Path

    @property
    def ca(self) -> Path:
        return self.directory / "ca.crt"

    @property
    def ca_key(self) -> Path:
        return self.directory / "ca.key"

    def cert(self, peer: str) -> Path:
        return self.directory / f"{peer}.crt"

    def key(self, peer: str) -> Path:
        return self.directory / f"{peer}.key"

    @property
    def signing_key(self) -> Path:
        return self.directory / "caller-signing.key"

    @property
    def public_key(self) -> Path:
        return self.directory / "caller-signing.pub"

    def files(self) -> list[Path]:
        peers = [f(p) for p in (*PEERS, *SERVERS) for f in (self.cert, self.key)]
        return [self.ca, self.ca_key, self.signing_key, self.public_key, *peers]


def _valid(cert_path: Path) -> bool:
    cert = x509.load_pem_x509_certificate(cert_path.read_bytes())
    return cert.not_valid_after_utc - datetime.datetime.now(datetime.UTC) > RENEW_BEFORE


def server_sans(host: str) -> list[x509.GeneralName]:
    return [
        x509.DNSName("localhost"),
        x509.DNSName(host),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]


def peer_sans(peer: str) -> list[x509.GeneralName]:
    return [
        x509.UniformResourceIdentifier(f"{PEER_URI_PREFIX}{peer}"),
        x509.DNSName("localhost"),
        x509.DNSName(peer),
        x509.DNSName(f"kubechat-{peer}"),
        x509.IPAddress(ipaddress.ip_address("127.0.0.1")),
    ]


def ensure_pki(base_dir: Path) -> MeshPki:
    """The stack's CA, certificates and caller keys, made only when missing or expiring."""
    pki = MeshPki(base_dir / "mesh-pki")
    if all(p.is_file() for p in pki.files()) and _valid(pki.ca) and _valid(pki.cert(HARNESS)):
        return pki
    pki.directory.mkdir(parents=True, exist_ok=True)
    ca_key, ca_cert = new_ca("kubechat-mesh-ca")
    # Every peer is both a server and a client of others.
    usages = (ExtendedKeyUsageOID.SERVER_AUTH, ExtendedKeyUsageOID.CLIENT_AUTH)
    for peer in PEERS:
        key, cert = issue(ca_key, ca_cert, peer, peer_sans(peer), usages)
        _write(pki.key(peer), _key_pem(key), private=True)
        _write(pki.cert(peer), _cert_pem(cert))
    for server, host in SERVERS.items():
        key, cert = issue(ca_key, ca_cert, server, server_sans(host))
        _write(pki.key(server), _key_pem(key), private=True)
        _write(pki.cert(server), _cert_pem(cert))
    signing = Ed25519PrivateKey.generate()
    _write(
        pki.signing_key,
        signing.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
        private=True,
    )
    _write(
        pki.public_key,
        signing.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )
    # The CA last: a half-written directory is never taken for a complete one.
    _write(pki.ca_key, _key_pem(ca_key), private=True)
    _write(pki.ca, _cert_pem(ca_cert))
    return pki


def service_identity_env(base_dir: Path, service: str) -> dict[str, str]:
    """Environment that gives `service` its certificate, the CA, and its caller key."""
    pki = ensure_pki(base_dir)
    env = {
        "KUBECHAT_TLS_CERT": str(pki.cert(service)),
        "KUBECHAT_TLS_KEY": str(pki.key(service)),
        "KUBECHAT_TLS_CA": str(pki.ca),
    }
    if service == "gateway":
        env["KUBECHAT_CALLER_SIGNING_KEY"] = str(pki.signing_key)
        env["KUBECHAT_PUBLIC_GRPC_TLS_CERT"] = str(pki.cert("gateway-api"))
        env["KUBECHAT_PUBLIC_GRPC_TLS_KEY"] = str(pki.key("gateway-api"))
    else:
        env["KUBECHAT_CALLER_PUBLIC_KEY"] = str(pki.public_key)
    return env


def insecure(env: Mapping[str, str]) -> bool:
    return env.get(INSECURE_FLAG, "").lower() in {"1", "true", "yes"}


# -- clients for the harness: health probes, e2e tests, benchmarks ------------------------


def credentials(base_dir: Path, peer: str = HARNESS) -> grpc.ChannelCredentials:
    """Client TLS credentials of `peer` (the harness's own by default)."""
    pki = ensure_pki(base_dir)
    return grpc.ssl_channel_credentials(
        root_certificates=pki.ca.read_bytes(),
        private_key=pki.key(peer).read_bytes(),
        certificate_chain=pki.cert(peer).read_bytes(),
    )


def public_channel(base_dir: Path, address: str) -> grpc.Channel:
    """A client of the gateway's public gRPC API: verifies its certificate against the
    stack's CA and brings no certificate of its own (calls carry a bearer token)."""
    root = ensure_pki(base_dir).ca.read_bytes()
    return grpc.secure_channel(address, grpc.ssl_channel_credentials(root_certificates=root))


def signer(base_dir: Path, clock: Callable[[], float] | None = None) -> CallerSigner:
    """The gateway's signer: tests that stand in for the gateway use it."""
    key = load_private_key(ensure_pki(base_dir).signing_key)
    return CallerSigner(key) if clock is None else CallerSigner(key, clock=clock)


def probe_channel(base_dir: Path, address: str, env: Mapping[str, str]) -> grpc.Channel:
    """A channel for health probes, plaintext only when the service runs insecure."""
    if insecure(env):
        return grpc.insecure_channel(address)
    return grpc.secure_channel(address, credentials(base_dir))


class _Details(
    collections.namedtuple(
        "_Details",
        ("method", "timeout", "metadata", "credentials", "wait_for_ready", "compression"),
    ),
    grpc.ClientCallDetails,
):
    pass


class _SigningInterceptor(grpc.UnaryUnaryClientInterceptor, grpc.UnaryStreamClientInterceptor):
    """The sync twin of kubechat.caller_channels.SigningInterceptor, for tests."""

    def __init__(
        self, sign: Callable[[common_pb2.Principal], str], default: common_pb2.Principal | None
    ) -> None:
        self._sign = sign
        self._default = default

    def _details(self, details: Any, request: Any) -> Any:
        principal = body_principal(request) or self._default
        if principal is None:
            return details
        metadata = [*(details.metadata or ()), (ASSERTION_HEADER, self._sign(principal))]
        return _Details(
            details.method,
            details.timeout,
            metadata,
            details.credentials,
            details.wait_for_ready,
            getattr(details, "compression", None),
        )

    def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return continuation(self._details(details, request), request)

    def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return continuation(self._details(details, request), request)


def gateway_channel(
    base_dir: Path,
    address: str,
    audience: str | tuple[str, ...],
    *,
    principal: common_pb2.Principal | None = None,
    env: Mapping[str, str] | None = None,
) -> grpc.Channel:
    """A channel that calls as the gateway would: its certificate, and an assertion for the
    principal each request names (or `principal` when it names none)."""
    if env is not None and insecure(env):
        return grpc.insecure_channel(address)
    audiences = (audience,) if isinstance(audience, str) else audience
    sign = signer(base_dir)
    chan = grpc.secure_channel(address, credentials(base_dir, "gateway"))
    interceptor = _SigningInterceptor(lambda p: sign.sign(p, audiences), principal)
    return grpc.intercept_channel(chan, interceptor)


class StackLike(Protocol):
    base_dir: Path

    def address(self, service: str) -> str: ...

    def service_env(self, service: str) -> dict[str, str]: ...


def channel_to(
    stack: StackLike, service: str, principal: common_pb2.Principal | None = None
) -> grpc.Channel:
    """A channel to one of `stack`'s services that calls as its gateway would."""
    audience = ("nlp", "executor") if service == "nlp" else service
    return gateway_channel(
        stack.base_dir,
        stack.address(service),
        audience,
        principal=principal,
        env=stack.service_env(service),
    )


def mesh_security(base_dir: Path, peer: str = "gateway") -> MeshSecurity:
    """`peer`'s TLS material, for the library's own channels (no signer: see aio_channel_to)."""
    pki = ensure_pki(base_dir)
    return MeshSecurity(peer, cert=str(pki.cert(peer)), key=str(pki.key(peer)), ca=str(pki.ca))


def aio_channel_to(
    stack: StackLike, service: str, principal: common_pb2.Principal | None = None
) -> aio.Channel:
    """The asyncio twin of `channel_to`, through the library's own channel and signer."""
    if insecure(stack.service_env(service)):
        return kc_grpc.channel(stack.address(service), MeshSecurity("gateway", insecure=True))
    security = mesh_security(stack.base_dir)
    audience = ("nlp", "executor") if service == "nlp" else (service,)

    def pick(request: Any) -> common_pb2.Principal | None:
        return body_principal(request) or principal

    signing = SigningInterceptor(signer(stack.base_dir), audience, pick)
    return kc_grpc.channel(stack.address(service), security, [signing])
