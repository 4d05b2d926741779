"""Secrets named by the catalogue: `create secret generic … key=value` keeps its keys and
loses its values in the text, the kubectl line, the operations and every event."""

from __future__ import annotations

from kubechat.catalogue import CATALOGUE
from kubechat.events import AuditEvent, EventKind, PlanSummary
from kubechat.redact import redact_event
from kubechat.redact_params import conceal, conceal_operations, conceal_value, secrets_of

DSN = "postgres://app:hunter2@db/orders"
OPERATION = {
    "verb": "create.secret.generic",
    "name": "db",
    "params": {"fromLiteral": {}, "from_literal": {"listValue": {"values": [f"dsn={DSN}"]}}},
}


def test_the_catalogue_declares_the_secret_parameters() -> None:
    entry = CATALOGUE["create.secret.generic"]
    assert [p.name for p in entry.params if p.secret] == ["from_literal"]
    assert not any(p.secret for p in CATALOGUE["create.configmap"].params)


def test_values_are_read_from_plain_and_protobuf_json_operations() -> None:
    plain = {"verb": "create.secret.generic", "params": {"from_literal": ["pin=12345678"]}}
    assert secrets_of([OPERATION, plain]) == [("dsn", DSN), ("pin", "12345678")]
    configmap = {"verb": "create.configmap", "params": {"from_literal": ["a=visible"]}}
    assert secrets_of([configmap]) == []


def test_text_kubectl_and_operations_are_concealed() -> None:
    secrets = secrets_of([OPERATION])
    text = f"create secret generic db in dev with dsn={DSN}, i.e. {DSN}"
    assert DSN not in conceal(text, secrets)
    assert "dsn=[REDACTED]" in conceal(text, secrets)
    assert conceal_operations([OPERATION])[0]["params"]["from_literal"] == {
        "listValue": {"values": ["dsn=[REDACTED]"]}
    }
    event = {"type": "result", "result": {"kubectl": f"kubectl … --from-literal=dsn={DSN}"}}
    assert DSN not in str(conceal_value(event, secrets))


def test_audit_events_lose_the_values_whoever_published_them() -> None:
    event = AuditEvent(
        kind=EventKind.ASK,
        tenant="acme",
        user="bob",
        text=f"create secret generic db in dev with dsn={DSN}",
        plan=PlanSummary(
            kubectl=[f"kubectl create secret generic db -n dev --from-literal=dsn={DSN}"],
            risk="write",
            operations=[OPERATION],
        ),
    )
    safe = redact_event(event)
    assert DSN not in safe.model_dump_json()
    assert "dsn=[REDACTED]" in safe.text
