"""Where a registered cluster may point: the SSRF guard of cluster registration.

Registering a cluster makes the executor open HTTPS connections, with its own network
position, to whatever URL the caller names, and report what came back. Without a guard
that is a way to reach the cloud metadata service (credentials of the node), the
executor's own loopback services, or anything behind a proxy of the caller's choosing.

Refused unless an administrator allows the range (`cluster_allowed_networks`):
loopback, link-local (169.254.0.0/16 holds the AWS/GCP/Azure metadata address),
unspecified, multicast and reserved addresses, and the known metadata addresses that sit
in otherwise ordinary ranges. Private ranges (10/8, 192.168/16, …) stay allowed: that is
where most API servers live. Only https, and never a kubeconfig `proxy-url`.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterable, Sequence
from typing import Any
from urllib.parse import urlsplit

from kubechat.errors import InvalidArgument

Address = ipaddress.IPv4Address | ipaddress.IPv6Address
Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Resolver = Callable[[str, int], list[str]]

# Cloud metadata endpoints outside the link-local range.
METADATA_ADDRESSES = frozenset(
    ipaddress.ip_address(a)
    for a in (
        "fd00:ec2::254",  # AWS IMDS over IPv6
        "100.100.100.200",  # Alibaba Cloud
        "192.0.0.192",  # Oracle Cloud (classic)
    )
)


def networks(cidrs: Iterable[str]) -> tuple[Network, ...]:
    """Parsed allow ranges; a malformed one is a settings error, said at start."""
    return tuple(ipaddress.ip_network(c.strip(), strict=False) for c in cidrs if c.strip())


def _resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        raise InvalidArgument(f"the API server host '{host}' does not resolve") from None
    return [str(info[4][0]) for info in infos]


def _why_refused(address: Address) -> str:
    mapped = getattr(address, "ipv4_mapped", None)
    if mapped is not None:  # ::ffff:127.0.0.1 is 127.0.0.1
        address = mapped
    if address in METADATA_ADDRESSES:
        return "a cloud metadata address"
    checks = (
        (address.is_loopback, "a loopback address"),
        (address.is_link_local, "a link-local address (cloud metadata lives there)"),
        (address.is_unspecified, "an unspecified address"),
        (address.is_multicast, "a multicast address"),
        (address.is_reserved, "a reserved address"),
    )
    return next((why for refused, why in checks if refused), "")


def check_server(server: str, allowed: Sequence[Network], resolve: Resolver = _resolve) -> None:
    """Raises InvalidArgument unless `server` is an https URL whose every address may be
    reached. Every address, not the first: a name resolving to both a public and a
    metadata address must not be a coin toss."""
    parts = urlsplit(server.strip())
    if parts.scheme != "https":
        raise InvalidArgument("the API server URL must be https://")
    if parts.username or parts.password:
        raise InvalidArgument("the API server URL must not carry credentials")
    host = parts.hostname or ""
    if not host:
        raise InvalidArgument("the API server URL names no host")
    try:
        port = parts.port or 443
    except ValueError:
        raise InvalidArgument("the API server URL has an invalid port") from None
    for text in _resolve_all(host, port, resolve):
        address = ipaddress.ip_address(text.split("%", 1)[0])  # drop an IPv6 zone
        if any(address in network for network in allowed):
            continue
        why = _why_refused(address)
        if why:
            raise InvalidArgument(
                f"the API server '{host}' is {why}; clusters may not be registered there",
                hint="an administrator can allow the range with KUBECHAT_CLUSTER_ALLOWED_NETWORKS",
            )


def _resolve_all(host: str, port: int, resolve: Resolver) -> list[str]:
    try:
        return [str(ipaddress.ip_address(host))]
    except ValueError:
        return resolve(host, port)


def check_kubeconfig(config: dict[str, Any], context: str, allowed: Sequence[Network]) -> None:
    """Every cluster of a kubeconfig, not only the chosen context's: none may use a proxy
    and the one in use must pass `check_server`."""
    clusters = {
        str(entry.get("name", "")): entry.get("cluster") or {}
        for entry in config.get("clusters") or []
        if isinstance(entry, dict)
    }
    for name, cluster in clusters.items():
        if "proxy-url" in cluster:
            raise InvalidArgument(
                f"kubeconfig cluster '{name}' sets proxy-url; clusters are reached directly"
            )
    chosen = context or str(config.get("current-context") or "")
    contexts = {
        str(entry.get("name", "")): entry.get("context") or {}
        for entry in config.get("contexts") or []
        if isinstance(entry, dict)
    }
    cluster_name = str(contexts.get(chosen, {}).get("cluster", "")) if chosen else ""
    in_use = [clusters[cluster_name]] if cluster_name in clusters else list(clusters.values())
    for cluster in in_use:
        check_server(str(cluster.get("server", "")), allowed)
