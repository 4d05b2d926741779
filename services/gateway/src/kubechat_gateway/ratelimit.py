"""Asks per user, counted in Redis in fixed windows, shared by every gateway replica.

A fixed window (INCR + EXPIRE on `kubechat:rl:<tenant>:<user>:<window>`) costs one round
trip per ask and is exact across replicas; its known weakness (a burst of 2x the limit
across a window edge) is acceptable for a guard against runaway clients and scripts.
"""

from __future__ import annotations

import time

from kubechat.errors import ResourceExhausted
from kubechat.events import subject_token
from kubechat.v1 import common_pb2
from kubechat_gateway.config import GatewaySettings
from kubechat_gateway.mesh import Mesh


class RateLimited(ResourceExhausted):
    """429 with a Retry-After header (errors.py reads `retry_after`)."""

    code = "rate_limited"

    def __init__(self, message: str, retry_after: int) -> None:
        super().__init__(message, hint=f"retry in {retry_after} s")
        self.retry_after = retry_after


async def check_ask(mesh: Mesh, settings: GatewaySettings, principal: common_pb2.Principal) -> None:
    """Count one ask for the caller; raise RateLimited once the window's budget is spent."""
    limit, window = settings.rate_limit_asks, settings.rate_limit_window_seconds
    if limit <= 0 or mesh.redis is None:
        return
    now = time.time()
    current = int(now // window)
    key = f"kubechat:rl:{subject_token(principal.tenant)}:{subject_token(principal.user)}:{current}"
    try:
        async with mesh.redis.pipeline(transaction=True) as pipe:
            pipe.incr(key)
            pipe.expire(key, window + 1)
            count, _ = await pipe.execute()
    except Exception:  # noqa: BLE001 - Redis down must not take asks down with it
        return
    if int(count) > limit:
        retry_after = max(1, int((current + 1) * window - now) + 1)
        raise RateLimited(
            f"{principal.user} has made {limit} requests in the last {window} s; that is the limit",
            retry_after,
        )
