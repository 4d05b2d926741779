import { Button, Stack, TextField } from "@mui/material";
import { useId, useState } from "react";

export function Composer({ onSend, disabled }: { onSend: (text: string) => void; disabled: boolean }) {
  const [text, setText] = useState("");
  const id = useId();
  const send = () => {
    const trimmed = text.trim();
    if (!trimmed || disabled) return;
    onSend(trimmed);
    setText("");
  };
  return (
    <Stack
      component="form"
      direction="row"
      spacing={1}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
      aria-label="Ask KubeChat"
    >
      <TextField
        id={id}
        fullWidth
        multiline
        maxRows={4}
        label="Ask about your cluster"
        placeholder="list pods in dev"
        value={text}
        onChange={(e) => setText(e.target.value)}
        onKeyDown={(e) => {
          // Enter sends; Shift+Enter keeps a newline, as in every chat.
          if (e.key === "Enter" && !e.shiftKey) {
            e.preventDefault();
            send();
          }
        }}
        inputProps={{ "data-testid": "composer" }}
      />
      <Button type="submit" variant="contained" disabled={disabled || !text.trim()}>
        Send
      </Button>
    </Stack>
  );
}
