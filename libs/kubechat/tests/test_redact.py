"""Secrets never reach the audit trail: Secret values and credential-looking strings are
redacted, while ordinary requests about secrets and tokens stay readable."""

from __future__ import annotations

import pytest

from kubechat.events import AuditEvent, EventKind, ExecutionSummary, PlanSummary
from kubechat.redact import REDACTED, redact_event, redact_text, redact_value


@pytest.mark.parametrize(
    ("text", "secret"),
    [
        ("curl -H 'Authorization: Bearer abc123def456ghi789'", "abc123def456ghi789"),
        ("kubectl create secret generic db --from-literal=password=hunter2", "hunter2"),
        ("connect to postgres://bob:s3cr3t@db:5432/app", "s3cr3t"),
        ("my token is eyJhbGciOiJIUzI1.eyJzdWIiOiIxMjM0.SflKxwRJSMeKKF2QT4fw", "SflKxwRJSMeKKF2"),
        (
            "-----BEGIN RSA PRIVATE KEY-----\nMIIEpAIBAAKCAQEA\n-----END RSA PRIVATE KEY-----",
            "MIIE",
        ),
        ("export AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE", "AKIAIOSFODNN7EXAMPLE"),
        ("use ghp_abcdefghijklmnopqrstuvwxyz0123456789", "ghp_abcdefghij"),
        ("join with token abcdef.0123456789abcdef", "0123456789abcdef"),
        ("api_key: 'sk-live-123456'", "sk-live-123456"),
        ("Splunk 3f9a1c2e-1234-5678-9abc-def012345678", "3f9a1c2e"),
    ],
)
def test_credentials_in_text_are_redacted(text: str, secret: str) -> None:
    redacted = redact_text(text)
    assert secret not in redacted
    assert REDACTED in redacted


@pytest.mark.parametrize(
    "text",
    [
        "list secrets in prod",
        "describe the token deployment",
        "basic authentication is disabled",
        "scale web to 5 replicas",
        "show secret db-credentials keys",
    ],
)
def test_ordinary_requests_stay_readable(text: str) -> None:
    assert redact_text(text) == text


def test_secret_object_keeps_keys_but_never_values() -> None:
    secret = {
        "kind": "Secret",
        "metadata": {"name": "db"},
        "data": {"username": "YWRtaW4=", "password": "aHVudGVyMg=="},
        "stringData": {"extra": "plain"},
    }
    redacted = redact_value(secret)
    assert redacted["data"] == {"username": REDACTED, "password": REDACTED}
    assert redacted["stringData"] == {"extra": REDACTED}
    assert redacted["metadata"] == {"name": "db"}


def test_credential_keys_are_redacted_anywhere_but_ids_are_kept() -> None:
    value = {"params": {"clientSecret": "x1", "apiKey": "x2", "token_id": "tok-9", "n": 3}}
    assert redact_value(value) == {
        "params": {"clientSecret": REDACTED, "apiKey": REDACTED, "token_id": "tok-9", "n": 3}
    }


def test_event_is_redacted_everywhere_text_can_hide() -> None:
    event = AuditEvent(
        kind=EventKind.EXECUTE,
        text="apply with password=p1",
        error="401: Bearer abcdefgh12345 rejected",
        plan=PlanSummary(
            operations=[{"verb": "apply", "resource": {"kind": "Secret"}, "params": {"k": "v"}}],
            kubectl=["kubectl create secret generic s --from-literal=token=zz99zz99"],
        ),
        execution=ExecutionSummary(detail="created with password: p2"),
    )
    safe = redact_event(event).model_dump_json()
    for leaked in ("p1", "abcdefgh12345", "zz99zz99", "p2", '"v"'):
        assert leaked not in safe
    assert redact_event(event).event_id == event.event_id
