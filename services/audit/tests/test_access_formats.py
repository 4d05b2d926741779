"""Who may read which tenant, the request/response conversions, and the export formats."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import pytest

from kubechat.errors import InvalidArgument, PermissionDenied
from kubechat.events import AuditEvent, EventKind, PlanSummary
from kubechat.v1 import audit_pb2, common_pb2
from kubechat_audit.access import readable_tenant
from kubechat_audit.formats import CHUNK_BYTES, csv_chunks, jsonl_chunks
from kubechat_audit.servicer import event_to_proto, query_from_proto


def principal(roles: list[str], tenant: str = "acme") -> common_pb2.Principal:
    return common_pb2.Principal(user="ann", tenant=tenant, roles=roles)


def test_tenant_admin_and_auditor_read_their_own_tenant_only() -> None:
    for roles in (["admin"], ["auditor"], ["auditor", "admin"]):
        assert readable_tenant(principal(roles), "", allow_internal=False) == "acme"
        assert readable_tenant(principal(roles), "acme", allow_internal=False) == "acme"
    with pytest.raises(PermissionDenied, match="tenant 'acme' only"):
        readable_tenant(principal(["auditor"]), "globex", allow_internal=False)
    with pytest.raises(PermissionDenied, match="admin ann may read tenant 'acme' only"):
        readable_tenant(principal(["viewer", "admin"]), "globex", allow_internal=False)
    with pytest.raises(PermissionDenied, match="no tenant"):
        readable_tenant(principal(["admin"], tenant=""), "", allow_internal=False)


def test_only_a_platform_admin_reads_across_tenants() -> None:
    platform = principal(["platform-admin"], tenant="platform")
    assert readable_tenant(platform, "", allow_internal=False) == ""
    assert readable_tenant(platform, "globex", allow_internal=False) == "globex"


def test_other_roles_and_anonymous_callers_are_refused() -> None:
    with pytest.raises(PermissionDenied, match="may not read"):
        readable_tenant(principal(["operator"]), "", allow_internal=True)
    with pytest.raises(PermissionDenied, match="needs a caller"):
        readable_tenant(None, "", allow_internal=False)
    assert readable_tenant(None, "acme", allow_internal=True) == "acme"


def test_query_from_proto_checks_paging_and_time_range() -> None:
    assert query_from_proto(audit_pb2.SearchRequest(page_token="20")).offset == 20
    with pytest.raises(InvalidArgument, match="page_token"):
        query_from_proto(audit_pb2.SearchRequest(page_token="abc"))
    with pytest.raises(InvalidArgument, match="page_token"):
        query_from_proto(audit_pb2.SearchRequest(page_token="-5"))
    with pytest.raises(InvalidArgument, match="page_size"):
        query_from_proto(audit_pb2.SearchRequest(page_size=5000))
    request = audit_pb2.SearchRequest(risk=common_pb2.RISK_DESTRUCTIVE, tenant="globex")
    request.since.FromDatetime(datetime(2026, 2, 1, tzinfo=UTC))
    request.until.FromDatetime(datetime(2026, 1, 1, tzinfo=UTC))
    with pytest.raises(InvalidArgument, match="since must be before until"):
        query_from_proto(request)
    request.ClearField("until")
    query = query_from_proto(request, tenant="acme")
    assert query.risk == "destructive" and query.tenant == "acme"  # scoping wins


def test_event_to_proto_carries_plan_confirmation_and_payload() -> None:
    event = AuditEvent.model_validate(
        {
            "kind": "execute",
            "roles": ["operator"],
            "plan": PlanSummary(
                operations=[{"verb": "scale"}], kubectl=["kubectl scale"], risk="write"
            ),
            "confirmation": {"token_id": "ct-1", "approver": "bob"},
            "execution": {"ok": True, "verification": "verified"},
        }
    )
    message = event_to_proto(event)
    assert message.risk == common_pb2.RISK_WRITE
    assert list(message.verbs) == ["scale"] and list(message.roles) == ["operator"]
    assert (message.confirmation_token_id, message.approver) == ("ct-1", "bob")
    assert message.verification == "verified"
    assert AuditEvent.model_validate_json(message.payload_json) == event


def test_jsonl_chunks_are_bounded_and_split_on_lines() -> None:
    rows = [(json.dumps({"n": i, "pad": "x" * 100}),) for i in range(5000)]
    chunks = list(jsonl_chunks(rows))
    assert len(chunks) > 1
    assert all(len(c) < CHUNK_BYTES + 200 and c.endswith(b"\n") for c in chunks)
    assert [json.loads(line)["n"] for line in b"".join(chunks).splitlines()] == list(range(5000))


def test_csv_quotes_lists_times_and_defuses_formulas() -> None:
    when = datetime(2026, 11, 26, 1, 2, 3, 456000)
    rows = [("e1", when, ["a", "b"], '=HYPERLINK("x")', True, None, 12.5, "-1")]
    columns = ("event_id", "time", "roles", "text", "ok", "missing", "duration", "minus")
    text = b"".join(csv_chunks(rows, columns)).decode()
    header, row = list(csv.reader(io.StringIO(text)))
    assert header == list(columns)
    assert row == [
        "e1",
        "2026-11-26T01:02:03.456Z",
        '["a", "b"]',
        '\'=HYPERLINK("x")',
        "true",
        "",
        "12.5",
        "'-1",
    ]


def test_kind_enum_round_trip() -> None:
    assert event_to_proto(AuditEvent(kind=EventKind.DENIED)).kind == "denied"
