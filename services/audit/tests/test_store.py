from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from kubechat.errors import InvalidArgument
from kubechat.events import AuditEvent, EventKind, PlanSummary
from kubechat.v1 import audit_pb2, common_pb2
from kubechat_audit.servicer import event_to_proto, query_from_proto
from kubechat_audit.store import MemoryStore, Query


def test_redelivered_event_is_stored_once() -> None:
    store = MemoryStore()
    event = AuditEvent(kind=EventKind.ASK, user="alice", text="list pods")
    store.insert([event])
    store.insert([event])
    events, total = store.search(Query())
    assert total == 1 and events == [event]


def test_filters_combine_and_newest_comes_first() -> None:
    store = MemoryStore()
    now = datetime.now(UTC)
    old = AuditEvent(kind=EventKind.ASK, user="alice", text="List pods", time=now - timedelta(1))
    new = AuditEvent(kind=EventKind.ASK, user="alice", text="scale search", time=now)
    other = AuditEvent(kind=EventKind.DENIED, user="bob", text="delete ns prod", time=now)
    store.insert([old, new, other])
    assert store.search(Query(user="alice"))[0] == [new, old]
    assert store.search(Query(text="list"))[0] == [old]
    assert store.search(Query(kind="denied"))[0] == [other]
    assert store.search(Query(since=now - timedelta(hours=1), user="alice"))[0] == [new]
    assert store.search(Query(limit=1, offset=1, user="alice")) == ([old], 2)


def test_query_from_proto_checks_paging() -> None:
    assert query_from_proto(audit_pb2.SearchRequest(page_token="20")).offset == 20
    with pytest.raises(InvalidArgument, match="page_token"):
        query_from_proto(audit_pb2.SearchRequest(page_token="abc"))
    with pytest.raises(InvalidArgument, match="page_size"):
        query_from_proto(audit_pb2.SearchRequest(page_size=5000))


def test_event_to_proto_carries_plan_and_payload() -> None:
    event = AuditEvent(
        kind=EventKind.ASK, plan=PlanSummary(kubectl=["kubectl get pods"], risk="read")
    )
    message = event_to_proto(event)
    assert message.risk == common_pb2.RISK_READ
    assert list(message.kubectl) == ["kubectl get pods"]
    assert AuditEvent.model_validate_json(message.payload_json) == event
