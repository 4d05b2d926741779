"""Who may do what on NATS and Redis: one user per service, and the server configs that
enforce it for a local stack.

The permissions are the smallest set each service needs (read from the code that
publishes, subscribes and keys Redis), so a service that is taken over cannot forge audit
events of another kind of producer, read the audit stream, listen to live chats or rewrite
another service's Redis keys. Passwords are random per stack and written only to files
readable by their owner (0600): the server configs and the services' environments carry
them, never a command line (which every local user can read in `ps`).
"""

from __future__ import annotations

import json
import os
import secrets
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

AUDIT_STREAM = "KUBECHAT_AUDIT"
DEAD_LETTER_STREAM = "KUBECHAT_DEADLETTER"
AUDIT_SUBJECTS = "kubechat.audit.v1.>"
SESSION_SUBJECTS = "kubechat.session.v1.>"
HEALTH_SUBJECTS = "kubechat.clusters.v1.health.>"
DEAD_LETTER_SUBJECTS = "kubechat.deadletter.>"

# The dev stack's own administrator: tests and benches use it to watch subjects and to play
# the attacker who got hold of a store. Services never get it; the chart has no such user.
OPERATOR = "operator"


def inbox_prefix(user: str) -> str:
    """Each user's replies come to its own inboxes, so no one else may subscribe to them
    (a JetStream pull delivers the audit events to the consumer's inbox)."""
    return f"_INBOX.{user}"


def _may_create_stream(stream: str) -> list[str]:
    # Publishers make sure the stream exists, so an event published before the audit
    # service ever started is kept; INFO and CREATE of that stream only, never DELETE,
    # UPDATE, PURGE or a consumer (which would read it).
    return [f"$JS.API.STREAM.INFO.{stream}", f"$JS.API.STREAM.CREATE.{stream}"]


@dataclass(frozen=True)
class NatsPermissions:
    publish: tuple[str, ...]
    subscribe: tuple[str, ...]


NATS_PERMISSIONS: Mapping[str, NatsPermissions] = {
    # Audit events of the requests it handles, and the live chat of its sockets (any
    # gateway replica publishes an event to the replica that holds the socket).
    "gateway": NatsPermissions(
        publish=(AUDIT_SUBJECTS, SESSION_SUBJECTS, *_may_create_stream(AUDIT_STREAM)),
        subscribe=(SESSION_SUBJECTS,),
    ),
    # Audit events of what it ran, and cluster health for live subscribers.
    "executor": NatsPermissions(
        publish=(AUDIT_SUBJECTS, HEALTH_SUBJECTS, *_may_create_stream(AUDIT_STREAM)),
        subscribe=(),
    ),
    # The only reader of the audit trail: its durable consumers (ingest and forwarders),
    # their acks, the dead-letter stream it feeds, and the live tail (core subscription).
    "audit": NatsPermissions(
        publish=(
            *_may_create_stream(AUDIT_STREAM),
            *_may_create_stream(DEAD_LETTER_STREAM),
            f"$JS.API.CONSUMER.*.{AUDIT_STREAM}",
            f"$JS.API.CONSUMER.*.{AUDIT_STREAM}.>",
            f"$JS.API.CONSUMER.*.*.{AUDIT_STREAM}.>",
            f"$JS.ACK.{AUDIT_STREAM}.>",
            DEAD_LETTER_SUBJECTS,
        ),
        subscribe=(AUDIT_SUBJECTS,),
    ),
}


@dataclass(frozen=True)
class RedisAccess:
    key_patterns: tuple[str, ...]


# Commands: everything but the dangerous (FLUSHALL, KEYS, CONFIG, DEBUG...) and admin
# ones, on the keys the service owns only.
REDIS_COMMANDS = "+@all -@dangerous -@admin -@pubsub"
REDIS_ACCESS: Mapping[str, RedisAccess] = {
    # Pending previews and rate-limit windows.
    "gateway": RedisAccess(("kubechat:pending:*", "kubechat:rl:*")),
    # Confirmation grants (MAC'd: see kubechat_executor.confirm).
    "executor": RedisAccess(("kubechat:confirm:*",)),
    # Conversation context.
    "nlp": RedisAccess(("kubechat:nlp:*",)),
}


def _password() -> str:
    return secrets.token_urlsafe(24)


def write_private(path: Path, text: str) -> None:
    """Write `text` to `path` readable by its owner only, from the first byte on."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as out:
        out.write(text)
    os.chmod(path, 0o600)  # an existing file keeps its mode through O_CREAT


@dataclass
class BusCredentials:
    """Random passwords for this stack's NATS and Redis users."""

    nats: dict[str, str] = field(
        default_factory=lambda: {user: _password() for user in (*NATS_PERMISSIONS, OPERATOR)}
    )
    redis: dict[str, str] = field(
        default_factory=lambda: {user: _password() for user in (*REDIS_ACCESS, OPERATOR)}
    )

    def service_env(self, service: str) -> dict[str, str]:
        env: dict[str, str] = {}
        if service in self.nats:
            env["KUBECHAT_NATS_USER"] = service
            env["KUBECHAT_NATS_PASSWORD"] = self.nats[service]
        if service in self.redis:
            env["KUBECHAT_REDIS_USER"] = service
            env["KUBECHAT_REDIS_PASSWORD"] = self.redis[service]
        return env


def _quoted(values: Sequence[str]) -> str:
    return "[" + ", ".join(json.dumps(v) for v in values) + "]"


def password_variable(user: str) -> str:
    """The environment variable a deployed NATS server reads `user`'s password from."""
    return f"NATS_{user.upper()}_PASSWORD"


def nats_authorization(passwords: Mapping[str, str] | None = None) -> list[str]:
    """The `authorization` block: with `passwords`, literal ones (a local stack, plus its
    operator); without, `$NATS_<USER>_PASSWORD` references that nats-server resolves from
    its environment (the chart and compose mount this, filled from their secrets)."""
    users = []
    for user, perms in NATS_PERMISSIONS.items():
        subscribe = (*perms.subscribe, f"{inbox_prefix(user)}.>")
        password = json.dumps(passwords[user]) if passwords else f"${password_variable(user)}"
        users.append(
            f"    {{user: {json.dumps(user)}, password: {password},"
            f" permissions: {{publish: {{allow: {_quoted(perms.publish)}}},"
            f" subscribe: {{allow: {_quoted(subscribe)}}}}}}}"
        )
    if passwords:
        users.append(
            f"    {{user: {json.dumps(OPERATOR)}, password: {json.dumps(passwords[OPERATOR])}}}"
        )
    return ["authorization {", "  users: [", *users, "  ]", "}"]


def deployed_nats_authorization() -> str:
    """What charts/kubechat/files/nats-authorization.conf holds (a test keeps them equal)."""
    header = [
        "# KubeChat's NATS users and permissions, generated from kubechat_devstack/bus.py",
        "# (a test keeps this file equal to it). nats-server resolves each $NATS_<USER>_PASSWORD",
        "# from its environment; no user means no connection (no anonymous access).",
    ]
    return "\n".join([*header, *nats_authorization(), ""])


@dataclass(frozen=True)
class ServerTls:
    """A server's certificate and key (PEM files), from the stack's CA."""

    cert: Path
    key: Path


def nats_config(
    credentials: BusCredentials,
    *,
    port: int,
    monitor_port: int,
    store_dir: Path,
    tls: ServerTls | None = None,
) -> str:
    """A nats-server config: JetStream, no anonymous user, the permissions above, and TLS
    on the client port (no client certificate: clients prove themselves by password)."""
    tls_block = (
        [
            "tls {",
            f"  cert_file: {json.dumps(str(tls.cert))}",
            f"  key_file: {json.dumps(str(tls.key))}",
            "  timeout: 2",
            "}",
        ]
        if tls
        else []
    )
    return "\n".join(
        [
            f"listen: 127.0.0.1:{port}",
            f"http: 127.0.0.1:{monitor_port}",
            f"jetstream {{ store_dir: {json.dumps(str(store_dir))} }}",
            *tls_block,
            *nats_authorization(credentials.nats),
            "",
        ]
    )


def redis_users(passwords: Mapping[str, str]) -> list[str]:
    """ACL rules, one `user` line per service (and `operator` when it has a password)."""
    # No password and no commands: a connection that does not AUTH can do nothing.
    lines = ["user default off resetkeys resetchannels -@all"]
    for user, access in REDIS_ACCESS.items():
        keys = " ".join(f"~{pattern}" for pattern in access.key_patterns)
        lines.append(f"user {user} on >{passwords[user]} resetchannels {keys} {REDIS_COMMANDS}")
    if OPERATOR in passwords:
        lines.append(f"user {OPERATOR} on >{passwords[OPERATOR]} ~* &* +@all")
    return lines


def redis_config(
    credentials: BusCredentials, *, port: int, data_dir: Path, tls: ServerTls | None = None
) -> str:
    """A redis-server config: the default user off, one ACL user per service; with `tls`,
    `port` speaks TLS only (the plaintext port is closed) and asks no client certificate."""
    listen = (
        [
            "port 0",
            f"tls-port {port}",
            f"tls-cert-file {tls.cert}",
            f"tls-key-file {tls.key}",
            "tls-auth-clients no",
        ]
        if tls
        else [f"port {port}"]
    )
    lines = [
        "bind 127.0.0.1",
        *listen,
        f"dir {data_dir}",
        'save ""',
        "appendonly no",
        *redis_users(credentials.redis),
    ]
    return "\n".join(lines) + "\n"
