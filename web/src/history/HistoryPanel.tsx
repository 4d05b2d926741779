import { Box, Button, List, ListItem, ListItemButton, ListItemText, TextField, Typography } from "@mui/material";
import { useEffect, useId, useState } from "react";
import { useAppDispatch, useAppSelector } from "../store";
import { useConversationsQuery } from "../store/api";
import { openConversation } from "../store/session";

export function HistoryPanel({ onPicked }: { onPicked?: () => void }) {
  const dispatch = useAppDispatch();
  const current = useAppSelector((s) => s.session.conversationId);
  const [query, setQuery] = useState("");
  const [debounced, setDebounced] = useState("");
  const searchId = useId();
  useEffect(() => {
    const timer = window.setTimeout(() => setDebounced(query.trim()), 250);
    return () => window.clearTimeout(timer);
  }, [query]);
  const { data, isFetching } = useConversationsQuery(debounced);
  const pick = (id: string | null) => {
    dispatch(openConversation(id));
    onPicked?.();
  };
  return (
    <Box component="nav" aria-label="Conversations" sx={{ p: 1, display: "flex", flexDirection: "column", gap: 1, height: "100%" }}>
      <Button variant="contained" onClick={() => pick(null)}>
        New conversation
      </Button>
      <TextField
        id={searchId}
        size="small"
        type="search"
        label="Search history"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <Typography variant="caption" role="status" color="text.secondary">
        {isFetching ? "Searching…" : `${data?.conversations.length ?? 0} conversations`}
      </Typography>
      <List dense sx={{ overflowY: "auto", flex: 1 }}>
        {data?.conversations.map((c) => (
          // The <li> wrapper keeps the list semantics screen readers announce (axe: list).
          <ListItem key={c.id} disablePadding>
            <ListItemButton selected={c.id === current} onClick={() => pick(c.id)} aria-current={c.id === current ? "true" : undefined}>
              <ListItemText
                primary={c.title || "Untitled"}
                secondary={new Date(c.updated_at).toLocaleString()}
                primaryTypographyProps={{ noWrap: true }}
              />
            </ListItemButton>
          </ListItem>
        ))}
      </List>
    </Box>
  );
}
