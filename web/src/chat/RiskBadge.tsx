import { Chip } from "@mui/material";
import type { Risk } from "../types";

const LOOK: Record<Risk, { label: string; color: "success" | "warning" | "error" | "default" }> = {
  read: { label: "read-only", color: "success" },
  write: { label: "changes the cluster", color: "warning" },
  destructive: { label: "destructive", color: "error" },
  unspecified: { label: "unknown risk", color: "default" },
};

export function RiskBadge({ risk }: { risk: Risk }) {
  const look = LOOK[risk];
  return <Chip size="small" label={`Risk: ${look.label}`} color={look.color} variant="filled" />;
}
