from __future__ import annotations

import grpc
import pytest
from pydantic import ValidationError

from kubechat.config import ServiceSettings
from kubechat.errors import (
    InvalidArgument,
    KubeChatError,
    PermissionDenied,
    Unavailable,
    from_status,
    http_status_for,
)
from kubechat.events import AuditEvent, EventKind, subject_token


def test_errors_carry_their_grpc_status_and_http_mapping() -> None:
    assert InvalidArgument("x").status == grpc.StatusCode.INVALID_ARGUMENT
    assert http_status_for(PermissionDenied.status) == 403
    assert http_status_for(Unavailable.status) == 503
    assert http_status_for(grpc.StatusCode.DATA_LOSS) == 500


def test_status_from_a_peer_becomes_the_matching_error() -> None:
    error = from_status(grpc.StatusCode.UNAVAILABLE, "cluster down")
    assert isinstance(error, Unavailable) and error.message == "cluster down"
    assert type(from_status(grpc.StatusCode.DATA_LOSS, "?")) is KubeChatError


def test_event_subject_is_versioned_and_safe() -> None:
    event = AuditEvent(kind=EventKind.ASK, tenant="acme.corp *>")
    assert event.subject() == "kubechat.audit.v1.acme_corp___.ask"
    assert subject_token("") == "_"


def test_event_round_trips_and_ignores_unknown_fields() -> None:
    event = AuditEvent(kind=EventKind.EXECUTE, user="alice", text="scale search to 5")
    again = AuditEvent.from_bytes(event.to_bytes())
    assert again == event
    newer = event.model_dump_json().replace('"user"', '"future_field": 1, "user"')
    assert AuditEvent.from_bytes(newer.encode()).user == "alice"


def test_malformed_event_is_rejected() -> None:
    with pytest.raises(ValidationError):
        AuditEvent.from_bytes(b'{"kind": "no-such-kind"}')
    with pytest.raises(ValidationError):
        AuditEvent.from_bytes(b"\xff not json")


class _SecretSettings(ServiceSettings):
    signing_key: str = "changeme"
    secret_fields: tuple[str, ...] = ("signing_key",)


def test_placeholder_secrets_are_refused_in_production() -> None:
    assert _SecretSettings(environment="dev").signing_key == "changeme"
    with pytest.raises(ValidationError, match="KUBECHAT_SIGNING_KEY holds a placeholder"):
        _SecretSettings(environment="production")
    assert _SecretSettings(environment="production", signing_key="s3cr3t-v4lue").signing_key
