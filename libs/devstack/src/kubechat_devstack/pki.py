"""Certificates, static tokens and kubeconfigs for a local test cluster.

Everything here is deliberately minimal: one CA, one apiserver serving certificate and one
service-account signing key per cluster. Every identity (admin, controllers, kwok, personas)
authenticates with a static bearer token from `tokens.csv`, so there are no client certificates
to mint or rotate. Keys are ECDSA P-256 because they are generated in milliseconds, which keeps
a warm `cluster-up` fast.
"""

from __future__ import annotations

import csv
import datetime
import io
import ipaddress
import secrets
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

# First address of --service-cluster-ip-range: the `kubernetes` Service's ClusterIP, which
# in-cluster clients dial, so it belongs in the serving certificate's SANs.
SERVICE_CIDR = "10.96.0.0/24"
KUBERNETES_SERVICE_IP = "10.96.0.1"
VALIDITY = datetime.timedelta(days=365)


@dataclass(frozen=True)
class TokenUser:
    """One line of the apiserver's --token-auth-file."""

    name: str
    token: str
    uid: str
    groups: tuple[str, ...] = field(default=())


def new_token() -> str:
    return secrets.token_hex(24)


def render_tokens_csv(users: Iterable[TokenUser]) -> str:
    """`token,user,uid,"group1,group2"`: the format kube-apiserver's token file expects."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    for user in users:
        row = [user.token, user.name, user.uid]
        if user.groups:
            row.append(",".join(user.groups))
        writer.writerow(row)
    return out.getvalue()


def parse_tokens_csv(text: str) -> list[TokenUser]:
    users = []
    for row in csv.reader(io.StringIO(text)):
        if not row:
            continue
        groups = tuple(g for g in row[3].split(",") if g) if len(row) > 3 else ()
        users.append(TokenUser(name=row[1], token=row[0], uid=row[2], groups=groups))
    return users


def render_kubeconfig(
    *, server: str, ca_file: Path, user: str, token: str, cluster: str = "kubechat-local"
) -> str:
    """A single-context kubeconfig that authenticates with a bearer token."""
    config: dict[str, Any] = {
        "apiVersion": "v1",
        "kind": "Config",
        "clusters": [
            {"name": cluster, "cluster": {"server": server, "certificate-authority": str(ca_file)}}
        ],
        "users": [{"name": user, "user": {"token": token}}],
        "contexts": [{"name": f"{user}@{cluster}", "context": {"cluster": cluster, "user": user}}],
        "current-context": f"{user}@{cluster}",
    }
    return yaml.safe_dump(config, sort_keys=False)


def _key() -> ec.EllipticCurvePrivateKey:
    return ec.generate_private_key(ec.SECP256R1())


def _key_pem(key: ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM,
        serialization.PrivateFormat.TraditionalOpenSSL,
        serialization.NoEncryption(),
    )


def _cert_pem(cert: x509.Certificate) -> bytes:
    return cert.public_bytes(serialization.Encoding.PEM)


def _write(path: Path, data: bytes, *, private: bool = False) -> None:
    path.write_bytes(data)
    if private:
        path.chmod(0o600)


@dataclass(frozen=True)
class PkiPaths:
    ca_crt: Path
    ca_key: Path
    apiserver_crt: Path
    apiserver_key: Path
    sa_key: Path
    sa_pub: Path

    @classmethod
    def under(cls, directory: Path) -> PkiPaths:
        return cls(
            ca_crt=directory / "ca.crt",
            ca_key=directory / "ca.key",
            apiserver_crt=directory / "apiserver.crt",
            apiserver_key=directory / "apiserver.key",
            sa_key=directory / "sa.key",
            sa_pub=directory / "sa.pub",
        )


def serving_sans(extra_dns: Sequence[str] = ()) -> list[x509.GeneralName]:
    names: list[x509.GeneralName] = [
        x509.DNSName(d)
        for d in (
            "localhost",
            "kubernetes",
            "kubernetes.default",
            "kubernetes.default.svc",
            "kubernetes.default.svc.cluster.local",
            *extra_dns,
        )
    ]
    names += [
        x509.IPAddress(ipaddress.ip_address(ip)) for ip in ("127.0.0.1", KUBERNETES_SERVICE_IP)
    ]
    return names


def new_ca(
    common_name: str, now: datetime.datetime | None = None
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A self-signed CA key and certificate, valid for VALIDITY from `now`."""
    now = now or datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    ca_key = _key()
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)])
    ca_cert = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                key_cert_sign=True,
                crl_sign=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    return ca_key, ca_cert


def issue(
    ca_key: ec.EllipticCurvePrivateKey,
    ca_cert: x509.Certificate,
    common_name: str,
    sans: Sequence[x509.GeneralName],
    usages: Sequence[x509.ObjectIdentifier] = (ExtendedKeyUsageOID.SERVER_AUTH,),
    now: datetime.datetime | None = None,
) -> tuple[ec.EllipticCurvePrivateKey, x509.Certificate]:
    """A leaf key and certificate for `common_name`, signed by the CA."""
    now = now or datetime.datetime.now(datetime.UTC) - datetime.timedelta(minutes=5)
    key = _key()
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, common_name)]))
        .issuer_name(ca_cert.subject)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now)
        .not_valid_after(now + VALIDITY)
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage(list(usages)), critical=False)
        .add_extension(x509.SubjectAlternativeName(list(sans)), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return key, cert


def make_pki(directory: Path, *, common_name: str = "kubechat-test-ca") -> PkiPaths:
    """Write a fresh CA, apiserver serving pair and service-account key pair into `directory`."""
    directory.mkdir(parents=True, exist_ok=True)
    paths = PkiPaths.under(directory)
    ca_key, ca_cert = new_ca(common_name)
    server_key, server_cert = issue(ca_key, ca_cert, "kube-apiserver", serving_sans())
    sa_key = _key()
    _write(paths.ca_key, _key_pem(ca_key), private=True)
    _write(paths.ca_crt, _cert_pem(ca_cert))
    _write(paths.apiserver_key, _key_pem(server_key), private=True)
    _write(paths.apiserver_crt, _cert_pem(server_cert))
    _write(paths.sa_key, _key_pem(sa_key), private=True)
    _write(
        paths.sa_pub,
        sa_key.public_key().public_bytes(
            serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
        ),
    )
    return paths
