import { Box, Card, CardContent, List, ListItem, ListItemText, Typography, type Theme } from "@mui/material";
import type { Affected } from "../types";

function DiffLine({ line }: { line: string }) {
  // The .dark/.light shades keep 4.5:1 on the code background in either theme.
  const tone = line.startsWith("+") ? "success" : line.startsWith("-") ? "error" : null;
  const colour = tone ? (t: Theme) => (t.palette.mode === "dark" ? t.palette[tone].light : t.palette[tone].dark) : "text.primary";
  return (
    <Box component="span" sx={{ color: colour, display: "block" }}>
      {line || " "}
    </Box>
  );
}

export function PreviewCard({ diff, affected }: { diff: string; affected: Affected[] }) {
  return (
    <Card variant="outlined" component="section" aria-label="Preview of the change">
      <CardContent>
        <Typography variant="subtitle2" component="h3">
          Preview (server-side dry run)
        </Typography>
        <Typography variant="body2" sx={{ mt: 1 }}>
          Affected objects ({affected.length}):
        </Typography>
        <List dense aria-label="Affected objects">
          {affected.map((a) => (
            <ListItem key={`${a.kind}/${a.namespace}/${a.name}`} disableGutters>
              <ListItemText primary={`${a.change}: ${a.kind} ${a.namespace ? a.namespace + "/" : ""}${a.name}`} />
            </ListItem>
          ))}
        </List>
        {diff && (
          <Box
            component="pre"
            aria-label="Diff"
            tabIndex={0}
            sx={{ m: 0, p: 1, bgcolor: "action.hover", borderRadius: 1, maxHeight: 240, overflow: "auto", fontSize: 13 }}
          >
            {diff.split("\n").map((line, i) => (
              <DiffLine key={i} line={line} />
            ))}
          </Box>
        )}
      </CardContent>
    </Card>
  );
}
