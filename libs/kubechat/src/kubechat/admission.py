"""Who may call which internal method: declared once, checked by every server.

Each method names the mesh peers (from their TLS certificates) that need it, and whether
the call must carry the gateway's caller assertion. A method missing from the table is
refused: a new RPC is closed until someone decides who may call it.

When a call carries an assertion, the principal it proves replaces whatever the request
body says; a body principal that differs is refused rather than silently overwritten, so
a client that tries to act as someone else learns it at once.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from kubechat.callers import ASSERTION_HEADER, CallerVerifier, VerifiedCaller
from kubechat.errors import PermissionDenied, Unauthenticated
from kubechat.roles import ADMIN, PLATFORM_ADMIN

GATEWAY = "gateway"
NLP = "nlp"
ANY_PEER = "*"  # any holder of a certificate from the mesh CA (health checks, probes)

# Request fields that name who a call acts for.
PRINCIPAL_FIELDS = ("principal", "caller", "approver")


@dataclass(frozen=True)
class Rule:
    peers: frozenset[str]
    # True: only for a user, proved by the gateway's assertion. False: the call acts for
    # no user (health, token validation) and mTLS identity alone admits it.
    user: bool = True
    # When set, the asserted principal must hold one of these KubeChat roles.
    roles: frozenset[str] = field(default_factory=frozenset)


def _rule(*peers: str, user: bool = True, roles: tuple[str, ...] = ()) -> Rule:
    return Rule(frozenset(peers), user, frozenset(roles))


_USER_FROM_GATEWAY = _rule(GATEWAY)
_ADMIN_FROM_GATEWAY = _rule(GATEWAY, roles=(ADMIN, PLATFORM_ADMIN))

RULES: Mapping[str, Rule] = {
    "/grpc.health.v1.Health/Check": _rule(ANY_PEER, user=False),
    "/grpc.health.v1.Health/Watch": _rule(ANY_PEER, user=False),
    # nlp parses for the gateway; it never calls itself except for its metrics command.
    "/kubechat.v1.IntentService/Parse": _USER_FROM_GATEWAY,
    "/kubechat.v1.IntentService/Diagnose": _USER_FROM_GATEWAY,
    "/kubechat.v1.IntentService/RecordChange": _USER_FROM_GATEWAY,
    "/kubechat.v1.IntentService/GetModelMetrics": _rule(GATEWAY, NLP, user=False),
    # The executor acts on clusters; only the gateway asks it to. nlp reads cluster views
    # as the asking user, with the assertion the gateway gave it for that ask.
    "/kubechat.v1.ExecutorService/Execute": _USER_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/ExecuteStream": _USER_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/Preview": _USER_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/Approve": _USER_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/ListClusters": _USER_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/CheckClusters": _USER_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/RegisterCluster": _ADMIN_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/RemoveCluster": _ADMIN_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/RenameCluster": _ADMIN_FROM_GATEWAY,
    "/kubechat.v1.ExecutorService/GetClusterView": _rule(GATEWAY, NLP),
    # Identity: the gateway validates tokens before it knows a user, then administers
    # users for one.
    "/kubechat.v1.IdentityService/ValidateToken": _rule(GATEWAY, user=False),
    "/kubechat.v1.IdentityService/ListUsers": _USER_FROM_GATEWAY,
    "/kubechat.v1.IdentityService/CreateUser": _USER_FROM_GATEWAY,
    "/kubechat.v1.IdentityService/SetUserEnabled": _USER_FROM_GATEWAY,
    "/kubechat.v1.IdentityService/SetUserRoles": _USER_FROM_GATEWAY,
    "/kubechat.v1.IdentityService/ResetCredentials": _USER_FROM_GATEWAY,
    "/kubechat.v1.AuditService/Search": _USER_FROM_GATEWAY,
    "/kubechat.v1.AuditService/Export": _USER_FROM_GATEWAY,
    "/kubechat.v1.AuditService/Tail": _USER_FROM_GATEWAY,
    "/kubechat.v1.AuditService/Report": _USER_FROM_GATEWAY,
}


def admit_peer(method: str, peer: str | None, rules: Mapping[str, Rule] = RULES) -> Rule:
    """The rule for `method` if `peer` may call it; PermissionDenied otherwise."""
    if peer is None:
        # Plaintext reached a TLS port only if the server was misconfigured; never admit it.
        raise Unauthenticated("no client certificate: internal calls need mutual TLS")
    rule = rules.get(method)
    if rule is None:
        raise PermissionDenied(f"{method} admits no caller (it is not in kubechat.admission)")
    if ANY_PEER not in rule.peers and peer not in rule.peers:
        allowed = ", ".join(sorted(rule.peers))
        raise PermissionDenied(f"{peer} may not call {method} (only {allowed} may)")
    return rule


def admit_caller(
    rule: Rule, method: str, metadata: Mapping[str, str], verifier: CallerVerifier | None
) -> VerifiedCaller | None:
    """The verified caller the call acts for (None for calls that act for no user)."""
    assertion = metadata.get(ASSERTION_HEADER)
    if not rule.user:
        return None
    if not assertion:
        raise Unauthenticated(
            f"{method} acts for a user: the gateway's caller assertion is missing"
        )
    if verifier is None:
        raise Unauthenticated(f"this service cannot verify callers, so it refuses {method}")
    caller = verifier.verify(assertion)
    if rule.roles and rule.roles.isdisjoint(caller.principal.roles):
        held = ", ".join(caller.principal.roles) or "no role"
        raise PermissionDenied(
            f"{caller.principal.user} ({held}) may not call {method}",
            hint=f"this needs one of the roles: {', '.join(sorted(rule.roles))}",
        )
    return caller


@functools.cache
def _principal_paths(descriptor: Any, depth: int = 2) -> tuple[tuple[str, ...], ...]:
    """Field paths to every Principal a request type can carry (computed once per type)."""
    paths: list[tuple[str, ...]] = []
    for each in descriptor.fields:
        if each.message_type is None or each.is_repeated:
            continue
        if each.name in PRINCIPAL_FIELDS and each.message_type.name == "Principal":
            paths.append((each.name,))
        elif depth > 0:
            # Nested requests too (ExportRequest.query.caller), so none escapes the check.
            paths.extend((each.name, *p) for p in _principal_paths(each.message_type, depth - 1))
    return tuple(paths)


def principal_fields(request: Any) -> list[tuple[Any, str]]:
    """(message, field name) of every principal field of `request`, set or not: an
    ExportRequest without a query must still get the asserted caller."""
    descriptor = getattr(request, "DESCRIPTOR", None)
    if descriptor is None:
        return []
    found = []
    for path in _principal_paths(descriptor):
        message = request
        for name in path[:-1]:
            message = getattr(message, name)
        found.append((message, path[-1]))
    return found


def bind_principal(request: Any, caller: VerifiedCaller | None, method: str) -> None:
    """Make the request's principal fields the asserted one, or refuse a different one."""
    for message, name in principal_fields(request):
        given = message.HasField(name)
        if caller is None:
            if given:
                raise PermissionDenied(f"{method} takes no principal from the request body")
            continue
        if given and getattr(message, name) != caller.principal:
            raise PermissionDenied(
                f"the request's {name} is not the user the gateway vouched for "
                f"({caller.principal.user}); internal services act only for asserted callers"
            )
        getattr(message, name).CopyFrom(caller.principal)
