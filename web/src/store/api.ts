import { createApi, fetchBaseQuery } from "@reduxjs/toolkit/query/react";
import type { Cluster, Conversation, Me, Message, Template, WebConfig } from "../types";
import { sessionExpired } from "./session";

interface Root { session: { token: string | null } }

const raw = fetchBaseQuery({
  baseUrl: "/api/v1",
  prepareHeaders: (headers, { getState }) => {
    const token = (getState() as Root).session.token;
    if (token) headers.set("Authorization", `Bearer ${token}`);
    return headers;
  },
});

// A 401 means the token expired or was revoked: the app shows the sign-in again.
const baseQuery: typeof raw = async (args, api, extra) => {
  const result = await raw(args, api, extra);
  if (result.error?.status === 401) api.dispatch(sessionExpired());
  return result;
};

export const api = createApi({
  reducerPath: "api",
  baseQuery,
  tagTypes: ["Conversations"],
  endpoints: (build) => ({
    config: build.query<WebConfig, void>({ query: () => "config" }),
    me: build.query<Me, void>({ query: () => "me" }),
    clusters: build.query<{ clusters: Cluster[] }, void>({ query: () => "clusters" }),
    templates: build.query<{ templates: Template[] }, void>({ query: () => "templates" }),
    conversations: build.query<{ conversations: Conversation[] }, string>({
      query: (q) => ({ url: "conversations", params: q ? { q } : {} }),
      providesTags: ["Conversations"],
    }),
    messages: build.query<{ conversation_id: string; messages: Message[] }, string>({
      query: (id) => `conversations/${id}/messages`,
    }),
  }),
});

export const {
  useConfigQuery,
  useMeQuery,
  useClustersQuery,
  useTemplatesQuery,
  useConversationsQuery,
  useLazyMessagesQuery,
} = api;
