"""Time bounds outside what ClickHouse's DateTime64 holds are the caller's mistake: a clear
INVALID_ARGUMENT, never the store's parse error."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from google.protobuf.timestamp_pb2 import Timestamp

from kubechat.errors import InvalidArgument
from kubechat.v1 import audit_pb2
from kubechat_audit.servicer import time_range


def stamp(value: datetime) -> Timestamp:
    result = Timestamp()
    result.FromDatetime(value)
    return result


def test_bounds_within_the_store_range_pass_through() -> None:
    since, until = datetime(2026, 1, 1, tzinfo=UTC), datetime(2026, 2, 1, tzinfo=UTC)
    request = audit_pb2.SearchRequest(since=stamp(since), until=stamp(until))
    assert time_range(request) == (since, until)
    assert time_range(audit_pb2.SearchRequest()) == (None, None)


@pytest.mark.parametrize("year", [1, 250, 999, 1899, 2300, 9999])
def test_bounds_outside_the_store_range_are_refused(year: int) -> None:
    request = audit_pb2.ReportRequest(until=stamp(datetime(year, 6, 1, tzinfo=UTC)))
    with pytest.raises(InvalidArgument, match="until must be between 1900-01-01 and 2299-12-31"):
        time_range(request)


def test_since_after_until_is_refused() -> None:
    request = audit_pb2.SearchRequest(
        since=stamp(datetime(2026, 2, 1, tzinfo=UTC)), until=stamp(datetime(2026, 1, 1, tzinfo=UTC))
    )
    with pytest.raises(InvalidArgument, match="since must be before until"):
        time_range(request)
