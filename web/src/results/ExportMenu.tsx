import { Button, Menu, MenuItem } from "@mui/material";
import { useState } from "react";
import type { ExportFormat } from "../export";

const LABELS: [ExportFormat, string][] = [
  ["markdown", "Markdown"],
  ["json", "JSON"],
  ["csv", "CSV"],
];

export function ExportMenu({ label, onExport }: { label: string; onExport: (f: ExportFormat) => void }) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null);
  return (
    <>
      <Button size="small" aria-haspopup="menu" onClick={(e) => setAnchor(e.currentTarget)}>
        {label}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {LABELS.map(([format, text]) => (
          <MenuItem
            key={format}
            onClick={() => {
              setAnchor(null);
              onExport(format);
            }}
          >
            {text}
          </MenuItem>
        ))}
      </Menu>
    </>
  );
}
