"""Client side of caller assertions: how a call gets its proof of whom it acts for.

The gateway signs one per call (`SigningInterceptor`) for the principal the call carries.
nlp cannot sign; when it asks the executor for a cluster view during a parse it forwards
the assertion the gateway sent with that parse (`ForwardingInterceptor`). The gateway
addresses the assertions it sends to nlp to both nlp and the executor, so the same token
is valid at the executor, and `kubechat.admission` lets an nlp peer use it for
GetClusterView only: nlp can read a view as the asking user, never run anything.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from grpc import aio

from kubechat.admission import principal_fields
from kubechat.callers import ASSERTION_HEADER, CallerSigner, current_caller
from kubechat.v1 import common_pb2

PrincipalFor = Callable[[Any], common_pb2.Principal | None]


def body_principal(request: Any) -> common_pb2.Principal | None:
    """The principal a request names in a `principal`/`caller`/`approver` field (also in a
    nested request, as ExportRequest.query.caller)."""
    for message, name in principal_fields(request):
        if message.HasField(name):
            principal: common_pb2.Principal = getattr(message, name)
            return principal
    return None


def with_metadata(details: aio.ClientCallDetails, key: str, value: str) -> aio.ClientCallDetails:
    metadata = aio.Metadata(*(details.metadata or ()))
    metadata.add(key, value)
    return aio.ClientCallDetails(
        details.method, details.timeout, metadata, details.credentials, details.wait_for_ready
    )


class _AssertionInterceptor(aio.UnaryUnaryClientInterceptor, aio.UnaryStreamClientInterceptor):
    def assertion(self, request: Any) -> str | None:
        raise NotImplementedError

    def _details(self, details: aio.ClientCallDetails, request: Any) -> aio.ClientCallDetails:
        assertion = self.assertion(request)
        return details if assertion is None else with_metadata(details, ASSERTION_HEADER, assertion)

    async def intercept_unary_unary(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._details(details, request), request)

    async def intercept_unary_stream(self, continuation: Any, details: Any, request: Any) -> Any:
        return await continuation(self._details(details, request), request)


class SigningInterceptor(_AssertionInterceptor):
    """Signs, for `audience`, the principal each call acts for (`principal_for`)."""

    def __init__(
        self, signer: CallerSigner, audience: Sequence[str], principal_for: PrincipalFor
    ) -> None:
        self._signer = signer
        self._audience = tuple(audience)
        self._principal_for = principal_for

    def assertion(self, request: Any) -> str | None:
        principal = self._principal_for(request)
        if principal is None:
            return None  # a call for no user (token validation, health): mTLS alone
        return self._signer.sign(principal, self._audience)


class ForwardingInterceptor(_AssertionInterceptor):
    """Passes on the assertion the call being served arrived with, unchanged."""

    def assertion(self, request: Any) -> str | None:
        caller = current_caller()
        return None if caller is None else caller.assertion
