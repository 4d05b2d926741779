"""Shared HTTP plumbing of the Splunk and Elasticsearch forwarders."""

from __future__ import annotations

import ssl

import httpx

from kubechat_audit.forward.base import SinkRejected

RETRYABLE = frozenset({408, 425, 429, 500, 502, 503, 504})


def http_client(verify: bool, timeout: float, ca_cert: str = "") -> httpx.AsyncClient:
    verify_with: bool | ssl.SSLContext = verify
    if verify and ca_cert:
        verify_with = ssl.create_default_context(cafile=ca_cert)
    return httpx.AsyncClient(verify=verify_with, timeout=timeout)


class SinkUnavailable(Exception):
    """The sink could not be reached or asked us to come back later."""


def check_response(response: httpx.Response, sink: str) -> None:
    """Raise SinkUnavailable for outages and throttling, SinkRejected for bad content."""
    if response.is_success:
        return
    if response.status_code in RETRYABLE:
        raise SinkUnavailable(f"{sink} answered {response.status_code}")
    # 401/403 are configuration problems: keep the events (retry) until an operator fixes it.
    if response.status_code in (401, 403):
        raise SinkUnavailable(f"{sink} refused our credentials ({response.status_code})")
    raise SinkRejected(f"{sink} rejected the batch: {response.status_code} {response.text[:300]}")


class HttpSink:
    """What both HTTP forwarders share: one client, one endpoint, reachability as last
    seen, and a POST whose outcome is classified by `check_response`."""

    product = "HTTP sink"

    def __init__(
        self,
        endpoint: str,
        headers: dict[str, str],
        *,
        verify: bool,
        timeout: float,
        client: httpx.AsyncClient | None,
    ) -> None:
        self._endpoint = endpoint
        self._headers = headers
        self._client = client or http_client(verify, timeout)
        self._reachable = False

    async def post(self, body: bytes) -> httpx.Response:
        try:
            response = await self._client.post(self._endpoint, content=body, headers=self._headers)
        except httpx.HTTPError as exc:
            self._reachable = False
            raise SinkUnavailable(f"{self.product} at {self._endpoint}: {exc}") from exc
        self._reachable = True
        check_response(response, self.product)
        return response

    async def healthy(self) -> bool:
        return self._reachable

    async def close(self) -> None:
        await self._client.aclose()
