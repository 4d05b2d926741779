import { Box, FormControlLabel, Switch } from "@mui/material";
import { useEffect, useRef, useState } from "react";

/** Logs in a bounded, scrollable pane; "follow" keeps the newest line in view. */
export function LogView({ text }: { text: string }) {
  const pane = useRef<HTMLPreElement>(null);
  const [follow, setFollow] = useState(true);
  useEffect(() => {
    if (follow && pane.current) pane.current.scrollTop = pane.current.scrollHeight;
  }, [text, follow]);
  return (
    <Box>
      <FormControlLabel control={<Switch checked={follow} onChange={(e) => setFollow(e.target.checked)} />} label="Follow" />
      <Box
        component="pre"
        ref={pane}
        tabIndex={0}
        aria-label="Logs"
        sx={{ m: 0, p: 1, maxHeight: 360, overflow: "auto", bgcolor: "action.hover", borderRadius: 1, fontSize: 13 }}
      >
        {text || "(no output)"}
      </Box>
    </Box>
  );
}
