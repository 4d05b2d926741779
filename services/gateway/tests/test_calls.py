"""How a failed call to a peer service becomes the error the caller sees."""

from __future__ import annotations

import grpc
import pytest
from grpc import aio

from kubechat.errors import Unavailable
from kubechat_gateway.calls import _error_for


def rpc_error(code: grpc.StatusCode, details: str) -> aio.AioRpcError:
    return aio.AioRpcError(code, aio.Metadata(), aio.Metadata(), details=details)


@pytest.mark.parametrize(
    "details",
    [
        "failed to connect to all addresses; last error: UNKNOWN: Connection refused",
        # What grpc says when the peer was killed while the channel's handshake ran.
        "connections to all backends failing; last error: UNAVAILABLE: ipv4:127.0.0.1:1: "
        "Handshake read failed (recvmsg:Connection reset by peer (104))",
        "Socket closed",
    ],
)
def test_an_unreachable_peer_is_named(details: str) -> None:
    error = _error_for("nlp", "127.0.0.1:1", rpc_error(grpc.StatusCode.UNAVAILABLE, details))
    assert isinstance(error, Unavailable)
    assert "the nlp service at 127.0.0.1:1 is unavailable" in str(error)


def test_a_peers_own_unavailable_message_is_passed_on() -> None:
    details = "no cluster 'default' is configured; set KUBECONFIG"
    error = _error_for("executor", "127.0.0.1:1", rpc_error(grpc.StatusCode.UNAVAILABLE, details))
    assert details in str(error)
    assert "executor service" not in str(error)
