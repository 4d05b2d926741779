import { createSlice, type PayloadAction } from "@reduxjs/toolkit";
import type { ChatEvent, Message } from "../types";

// One rendered entry of a conversation: the user's words, or an assistant event.
export type ChatItem =
  | { key: string; kind: "user"; text: string }
  | { key: string; kind: "event"; event: ChatEvent };

export interface ConversationState {
  items: ChatItem[];
  typing: boolean;
  progress: string | null;
  resolved: string[]; // confirmation ids that were confirmed, cancelled or superseded
  loadedHistory: boolean;
}

export interface ChatState {
  byId: Record<string, ConversationState>;
  connected: boolean;
}

const empty = (): ConversationState => ({
  items: [],
  typing: false,
  progress: null,
  resolved: [],
  loadedHistory: false,
});

const LIVE_ONLY = new Set(["typing", "progress", "done"]);

function addEvent(conv: ConversationState, event: ChatEvent, key: string) {
  switch (event.type) {
    case "typing":
      conv.typing = event.active;
      if (!event.active) conv.progress = null;
      return;
    case "progress":
      conv.progress = event.message;
      return;
    case "done":
      conv.typing = false;
      conv.progress = null;
      return;
    case "user_message":
      conv.items.push({ key, kind: "user", text: event.text });
      return;
    case "log": {
      // Log lines of one operation accumulate in one item so the view can follow them.
      const last = conv.items[conv.items.length - 1];
      if (last?.kind === "event" && last.event.type === "log" && last.event.request_id === event.request_id) {
        last.event = { ...last.event, text: last.event.text + event.text };
        return;
      }
      break;
    }
    case "cancelled":
      conv.resolved.push(event.confirmation_id);
      break;
    case "confirmation_request":
      // A newer preview supersedes any earlier one still open.
      for (const item of conv.items) {
        if (item.kind === "event" && item.event.type === "confirmation_request") {
          conv.resolved.push(item.event.confirmation_id);
        }
      }
      break;
    default:
      break;
  }
  if (!LIVE_ONLY.has(event.type)) conv.items.push({ key, kind: "event", event });
}

let sequence = 0;

const chat = createSlice({
  name: "chat",
  initialState: { byId: {}, connected: false } as ChatState,
  reducers: {
    received(state, action: PayloadAction<ChatEvent>) {
      const event = action.payload;
      const conv = (state.byId[event.conversation_id] ??= empty());
      addEvent(conv, event, `live-${++sequence}`);
    },
    historyLoaded(state, action: PayloadAction<{ id: string; messages: Message[] }>) {
      const conv = empty();
      for (const m of action.payload.messages) {
        if (m.role === "user") {
          const confirmed = /^confirmed (\S+)$/.exec(m.text);
          if (confirmed) conv.resolved.push(confirmed[1]);
          else conv.items.push({ key: `m-${m.id}`, kind: "user", text: m.text });
        } else {
          addEvent(conv, m.payload as unknown as ChatEvent, `m-${m.id}`);
        }
      }
      // Live events that arrived before the history answered stay after it.
      const live = state.byId[action.payload.id]?.items.filter((i) => i.key.startsWith("live-")) ?? [];
      conv.items.push(...live);
      conv.loadedHistory = true;
      state.byId[action.payload.id] = conv;
    },
    confirmationSent(state, action: PayloadAction<{ id: string; confirmationId: string }>) {
      (state.byId[action.payload.id] ??= empty()).resolved.push(action.payload.confirmationId);
    },
    connection(state, action: PayloadAction<boolean>) {
      state.connected = action.payload;
    },
  },
});

export const { received, historyLoaded, confirmationSent, connection } = chat.actions;
export default chat.reducer;
