import { createSlice, type PayloadAction } from "@reduxjs/toolkit";

export type ThemeMode = "light" | "dark";

export interface SessionState {
  token: string | null;
  user: string | null;
  expiresAt: number | null; // epoch seconds; null: no expiry (dev mode)
  expired: boolean;
  theme: ThemeMode;
  cluster: string; // cluster id the next question goes to ("" = default)
  conversationId: string | null;
}

function storedTheme(): ThemeMode {
  const saved = localStorage.getItem("kubechat.theme");
  if (saved === "light" || saved === "dark") return saved;
  return window.matchMedia?.("(prefers-color-scheme: dark)").matches ? "dark" : "light";
}

const initialState: SessionState = {
  token: null,
  user: null,
  expiresAt: null,
  expired: false,
  theme: storedTheme(),
  cluster: localStorage.getItem("kubechat.cluster") ?? "",
  conversationId: null,
};

const session = createSlice({
  name: "session",
  initialState,
  reducers: {
    signedIn(state, action: PayloadAction<{ token: string; user: string; expiresAt: number | null }>) {
      state.token = action.payload.token;
      state.user = action.payload.user;
      state.expiresAt = action.payload.expiresAt;
      state.expired = false;
    },
    signedOut(state) {
      state.token = null;
      state.user = null;
      state.expiresAt = null;
      state.conversationId = null;
    },
    sessionExpired(state) {
      state.expired = true;
    },
    toggleTheme(state) {
      state.theme = state.theme === "dark" ? "light" : "dark";
      localStorage.setItem("kubechat.theme", state.theme);
    },
    selectCluster(state, action: PayloadAction<string>) {
      state.cluster = action.payload;
      localStorage.setItem("kubechat.cluster", action.payload);
    },
    openConversation(state, action: PayloadAction<string | null>) {
      state.conversationId = action.payload;
    },
  },
});

export const { signedIn, signedOut, sessionExpired, toggleTheme, selectCluster, openConversation } =
  session.actions;
export default session.reducer;
