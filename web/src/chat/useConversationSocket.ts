import { useCallback, useEffect, useRef } from "react";
import { useAppDispatch, useAppSelector } from "../store";
import { api, useLazyMessagesQuery } from "../store/api";
import { connection, historyLoaded, received } from "../store/chat";
import { refreshSession } from "../auth/useAuth";
import type { ChatEvent } from "../types";

type Outgoing =
  | { type: "ask"; text: string; cluster: string }
  | { type: "confirm"; confirmation_id: string; typed_name: string }
  | { type: "cancel"; confirmation_id: string };

// The gateway closes with this when the token expired or stopped being valid.
const CLOSE_SIGN_IN_AGAIN = 4401;

function socketUrl(id: string): string {
  const scheme = window.location.protocol === "https:" ? "wss" : "ws";
  return `${scheme}://${window.location.host}/api/v1/conversations/${id}/ws`;
}

// Browsers cannot set headers on a WebSocket; the token rides as a subprotocol, never in
// the URL (servers and proxies log URLs). The gateway answers with "kubechat.v1" only.
function socketProtocols(token: string): string[] {
  return ["kubechat.v1", `kubechat.bearer.${token}`];
}

/** The conversation's WebSocket: events into the store, reconnecting with backoff. */
export function useConversationSocket(conversationId: string | null) {
  const dispatch = useAppDispatch();
  const token = useAppSelector((s) => s.session.token);
  const socket = useRef<WebSocket | null>(null);
  const queue = useRef<Outgoing[]>([]);
  const [loadHistory] = useLazyMessagesQuery();

  useEffect(() => {
    if (!conversationId || !token) return;
    let closed = false;
    let attempt = 0;
    let timer: number | undefined;
    loadHistory(conversationId)
      .unwrap()
      .then((r) => dispatch(historyLoaded({ id: conversationId, messages: r.messages })))
      .catch(() => dispatch(historyLoaded({ id: conversationId, messages: [] })));

    const open = () => {
      const ws = new WebSocket(socketUrl(conversationId), socketProtocols(token));
      socket.current = ws;
      ws.onmessage = (message) => {
        const event = JSON.parse(message.data as string) as ChatEvent | { type: "ready" | "pong" };
        if (event.type === "ready") {
          attempt = 0;
          dispatch(connection(true));
          for (const frame of queue.current.splice(0)) ws.send(JSON.stringify(frame));
          return;
        }
        if (event.type === "pong") return;
        dispatch(received(event as ChatEvent));
        if (event.type === "done") dispatch(api.util.invalidateTags(["Conversations"]));
      };
      ws.onclose = (event) => {
        dispatch(connection(false));
        if (socket.current === ws) socket.current = null;
        if (closed) return;
        if (event.code === CLOSE_SIGN_IN_AGAIN) {
          // Retrying with this token is pointless: a refreshed token re-runs this effect
          // (and reconnects); a failed refresh shows the sign-in screen.
          void refreshSession(dispatch);
          return;
        }
        timer = window.setTimeout(open, Math.min(10_000, 500 * 2 ** attempt++));
      };
    };
    open();
    return () => {
      closed = true;
      window.clearTimeout(timer);
      socket.current?.close();
      socket.current = null;
    };
  }, [conversationId, token, dispatch, loadHistory]);

  return useCallback((frame: Outgoing) => {
    const ws = socket.current;
    // Frames sent before the socket is ready (a brand-new conversation) wait for "ready".
    if (ws && ws.readyState === WebSocket.OPEN) ws.send(JSON.stringify(frame));
    else queue.current.push(frame);
  }, []);
}
