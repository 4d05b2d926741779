"""Bounds on parameter values, checked before a value becomes a protobuf field.

A request can say any number ("scale web to 99999999999999999999999"); protobuf's int64
refuses it with a bare ValueError, which used to surface as an internal error. Kubernetes
keeps counts, ports, seconds and revisions in int32 (or far below it), so anything beyond
int32 is the user's mistake and is said to be one.
"""

from __future__ import annotations

from typing import TypeVar

from kubechat.errors import InvalidArgument

INT_PARAM_MAX = 2**31 - 1
V = TypeVar("V")


def bounded_param(name: str, value: V) -> V:
    """`value` unchanged, or InvalidArgument when it is an integer out of bounds."""
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) > INT_PARAM_MAX:
        shown = str(value) if len(str(value)) <= 24 else str(value)[:20] + "…"
        raise InvalidArgument(
            f"{shown} is too large for '{name}' (at most {INT_PARAM_MAX})",
            hint="ask again with a smaller number",
        )
    return value
