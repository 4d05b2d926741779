import { Alert, Box, Button, CircularProgress, Paper, Stack, Typography } from "@mui/material";
import { useEffect, useMemo, useRef } from "react";
import { exportConversation } from "../export";
import { ExportMenu } from "../results/ExportMenu";
import { useAppDispatch, useAppSelector } from "../store";
import { useClustersQuery, useTemplatesQuery } from "../store/api";
import { confirmationSent, type ConversationState } from "../store/chat";
import { openConversation } from "../store/session";
import { Composer } from "./Composer";
import { EventItem } from "./EventItem";
import { useConversationSocket } from "./useConversationSocket";

function newId(): string {
  return crypto.randomUUID().replace(/-/g, "");
}

/** The cluster a conversation last ran on, from its newest plan or result. */
function lastCluster(conv: ConversationState | undefined): string | null {
  for (const item of [...(conv?.items ?? [])].reverse()) {
    if (item.kind === "event" && (item.event.type === "plan" || item.event.type === "result")) return item.event.cluster;
  }
  return null;
}

function activeConfirmation(conv: ConversationState | undefined): string | null {
  const last = [...(conv?.items ?? [])].reverse().find((i) => i.kind === "event" && i.event.type === "confirmation_request");
  if (!last || last.kind !== "event" || last.event.type !== "confirmation_request") return null;
  return conv?.resolved.includes(last.event.confirmation_id) ? null : last.event.confirmation_id;
}

export function ChatView() {
  const dispatch = useAppDispatch();
  const conversationId = useAppSelector((s) => s.session.conversationId);
  const token = useAppSelector((s) => s.session.token);
  const cluster = useAppSelector((s) => s.session.cluster);
  const conv = useAppSelector((s) => (conversationId ? s.chat.byId[conversationId] : undefined));
  const connected = useAppSelector((s) => s.chat.connected);
  const send = useConversationSocket(conversationId);
  const { data: clusters } = useClustersQuery();
  const { data: templates } = useTemplatesQuery();
  const end = useRef<HTMLDivElement>(null);

  useEffect(() => {
    end.current?.scrollIntoView?.({ block: "end" });
  }, [conv?.items.length, conv?.typing]);

  const previous = lastCluster(conv);
  const nameOf = (id: string) => clusters?.clusters.find((c) => c.id === id)?.name ?? id;
  const switching = previous !== null && cluster !== "" && previous !== cluster;
  const pending = useMemo(() => activeConfirmation(conv), [conv]);

  const ask = (text: string) => {
    if (!conversationId) {
      const id = newId();
      dispatch(openConversation(id));
      // The socket of the new conversation sends this once it is ready.
      setTimeout(() => sendTo(text), 0);
      return;
    }
    sendTo(text);
  };
  const sendTo = (text: string) => send({ type: "ask", text, cluster });

  return (
    <Box sx={{ display: "flex", flexDirection: "column", height: "100%", minHeight: 0 }}>
      <Stack direction="row" alignItems="center" spacing={1} sx={{ px: 2, py: 1 }}>
        <Typography variant="h6" component="h2" sx={{ flex: 1 }}>
          {conversationId ? "Conversation" : "New conversation"}
        </Typography>
        {conversationId && token && (
          <ExportMenu label="Export conversation" onExport={(f) => void exportConversation(conversationId, token, f)} />
        )}
      </Stack>
      <Box
        component="section"
        aria-label="Messages"
        sx={{ flex: 1, overflowY: "auto", px: { xs: 1, sm: 2 }, pb: 2, minHeight: 0 }}
      >
        <Stack spacing={1.5} component="ol" sx={{ listStyle: "none", p: 0, m: 0 }}>
          {(conv?.items ?? []).map((item) => (
            <Box component="li" key={item.key}>
              {item.kind === "user" ? (
                <Paper
                  elevation={0}
                  sx={{ p: 1.5, ml: "auto", maxWidth: "85%", width: "fit-content", bgcolor: "primary.main", color: "primary.contrastText" }}
                >
                  <Typography component="p" sx={{ m: 0 }}>
                    <Box component="span" sx={{ position: "absolute", left: -10000 }}>You: </Box>
                    {item.text}
                  </Typography>
                </Paper>
              ) : (
                <EventItem
                  event={item.event}
                  activeConfirmation={pending}
                  onChoose={ask}
                  onConfirm={(id, typed) => {
                    if (conversationId) dispatch(confirmationSent({ id: conversationId, confirmationId: id }));
                    send({ type: "confirm", confirmation_id: id, typed_name: typed });
                  }}
                  onCancel={(id) => send({ type: "cancel", confirmation_id: id })}
                />
              )}
            </Box>
          ))}
        </Stack>
        {!conv?.items.length && (
          <Stack spacing={1} sx={{ mt: 2 }}>
            <Typography>Ask in plain language. Reads run at once; every change is previewed and needs your confirmation.</Typography>
            <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
              {templates?.templates.map((t) => (
                <Button key={t.id} variant="outlined" size="small" onClick={() => ask(t.text)}>
                  {t.text}
                </Button>
              ))}
            </Stack>
          </Stack>
        )}
        <div ref={end} />
      </Box>
      <Box sx={{ p: { xs: 1, sm: 2 }, borderTop: 1, borderColor: "divider" }}>
        <Box aria-live="polite" sx={{ minHeight: 24 }}>
          {conv?.typing && (
            <Stack direction="row" spacing={1} alignItems="center" data-testid="typing">
              <CircularProgress size={16} aria-hidden />
              <Typography variant="body2">KubeChat is working{conv.progress ? `: ${conv.progress}` : "…"}</Typography>
            </Stack>
          )}
          {conversationId && !connected && <Typography variant="body2">Reconnecting…</Typography>}
        </Box>
        {switching && (
          <Alert severity="warning" sx={{ mb: 1 }} data-testid="cluster-change-warning">
            This conversation ran on <strong>{nameOf(previous)}</strong>. Your next question goes to{" "}
            <strong>{nameOf(cluster)}</strong>.
          </Alert>
        )}
        <Composer onSend={ask} disabled={false} />
      </Box>
    </Box>
  );
}
