"""A small client for the Keycloak admin REST API, authenticated as a service account.

Plain httpx rather than python-keycloak: the identity service needs a dozen calls, async,
typed, and every failure mapped to a KubeChatError the caller can act on.
"""

from __future__ import annotations

import asyncio
import time
from typing import Any

import httpx

from kubechat.errors import (
    AlreadyExists,
    FailedPrecondition,
    InvalidArgument,
    KubeChatError,
    NotFound,
    PermissionDenied,
    Unavailable,
)

_BY_HTTP: dict[int, type[KubeChatError]] = {
    400: InvalidArgument,
    403: PermissionDenied,
    404: NotFound,
    409: AlreadyExists,
}


class KeycloakAdmin:
    def __init__(
        self, server_url: str, realm: str, client_id: str, client_secret: str, timeout: float = 10
    ) -> None:
        self.realm = realm
        self._token_url = f"{server_url}/realms/{realm}/protocol/openid-connect/token"
        self._client_id = client_id
        self._client_secret = client_secret
        self._http = httpx.AsyncClient(
            base_url=f"{server_url}/admin/realms/{realm}", timeout=timeout
        )
        self._token = ""
        self._token_expires = 0.0
        self._token_lock = asyncio.Lock()

    async def close(self) -> None:
        await self._http.aclose()

    async def _bearer(self) -> str:
        async with self._token_lock:
            if time.monotonic() < self._token_expires:
                return self._token
            try:
                reply = await self._http.post(
                    self._token_url,
                    data={
                        "grant_type": "client_credentials",
                        "client_id": self._client_id,
                        "client_secret": self._client_secret,
                    },
                )
            except httpx.HTTPError as exc:
                raise Unavailable(f"Keycloak is unreachable: {exc}") from None
            if reply.status_code != 200:
                raise FailedPrecondition(
                    f"the identity service cannot sign in to Keycloak as {self._client_id} "
                    f"(HTTP {reply.status_code})",
                    hint="check KUBECHAT_KEYCLOAK_ADMIN_CLIENT_SECRET",
                )
            body = reply.json()
            self._token = str(body["access_token"])
            # Renew well before expiry so a call never races the token's end.
            self._token_expires = time.monotonic() + float(body.get("expires_in", 60)) * 0.8
            return self._token

    async def request(
        self, method: str, path: str, *, json: Any = None, params: dict[str, Any] | None = None
    ) -> httpx.Response:
        headers = {"Authorization": f"Bearer {await self._bearer()}"}
        try:
            reply = await self._http.request(
                method, path, json=json, params=params, headers=headers
            )
        except httpx.HTTPError as exc:
            raise Unavailable(f"Keycloak is unreachable: {exc}") from None
        if reply.status_code >= 400:
            try:
                detail = reply.json().get("errorMessage") or reply.json().get("error") or reply.text
            except ValueError:
                detail = reply.text
            error = _BY_HTTP.get(reply.status_code, Unavailable)
            raise error(f"Keycloak refused {method} {path}: {detail}"[:500])
        return reply

    async def get(self, path: str, **params: Any) -> Any:
        return (await self.request("GET", path, params=params or None)).json()

    async def group_by_path(self, path: str) -> dict[str, Any]:
        group: dict[str, Any] = await self.get(f"/group-by-path/{path.strip('/')}")
        return group
