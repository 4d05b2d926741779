"""Export formats: JSON Lines (the full event) and CSV (flat columns), built in chunks so
an export of any size never sits in memory at once."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from typing import Any

from kubechat_audit.store import CSV_COLUMNS

CHUNK_BYTES = 64 * 1024
_FORMULA_STARTS = frozenset("=+-@\t\r")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        stamp = value if value.tzinfo else value.replace(tzinfo=UTC)
        return stamp.astimezone(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")
    if isinstance(value, list | tuple):
        return json.dumps([str(v) for v in value], ensure_ascii=False)
    if isinstance(value, bool):
        return "true" if value else "false"
    text = str(value)
    # A spreadsheet runs a cell that starts like a formula; the trail holds user text.
    if text[:1] in _FORMULA_STARTS and not isinstance(value, int | float):
        return "'" + text
    return text


def jsonl_chunks(rows: Iterable[Sequence[Any]]) -> Iterator[bytes]:
    """Rows of one column, the stored event JSON, as newline-separated JSON."""
    buffer = bytearray()
    for row in rows:
        buffer += str(row[0]).encode()
        buffer += b"\n"
        if len(buffer) >= CHUNK_BYTES:
            yield bytes(buffer)
            buffer.clear()
    if buffer:
        yield bytes(buffer)


def csv_chunks(
    rows: Iterable[Sequence[Any]], columns: Sequence[str] = CSV_COLUMNS
) -> Iterator[bytes]:
    """RFC 4180 CSV with a header row; lists are JSON arrays inside one cell."""
    text = io.StringIO()
    writer = csv.writer(text, lineterminator="\r\n")
    writer.writerow(columns)
    for row in rows:
        writer.writerow([_cell(v) for v in row])
        if text.tell() >= CHUNK_BYTES:
            yield text.getvalue().encode()
            text.seek(0)
            text.truncate()
    if text.tell():
        yield text.getvalue().encode()
