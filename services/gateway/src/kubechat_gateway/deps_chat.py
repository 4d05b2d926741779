"""Dependencies of the chat routes (conversations, WebSocket, clusters), kept apart from
deps.py, which belongs to authentication. Same pattern: Annotated aliases."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends
from starlette.requests import HTTPConnection

from kubechat_gateway.chat import Chat
from kubechat_gateway.db import Store
from kubechat_gateway.hub import EventHub


def get_store(connection: HTTPConnection) -> Store:
    store: Store = connection.app.state.store
    return store


def get_chat(connection: HTTPConnection) -> Chat:
    chat: Chat = connection.app.state.chat
    return chat


def get_hub(connection: HTTPConnection) -> EventHub:
    hub: EventHub = connection.app.state.hub
    return hub


StoreDep = Annotated[Store, Depends(get_store)]
ChatDep = Annotated[Chat, Depends(get_chat)]
HubDep = Annotated[EventHub, Depends(get_hub)]
