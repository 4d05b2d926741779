import { Chip } from "@mui/material";

type Colour = "success" | "warning" | "error" | "default" | "info";

const BY_STATUS: [RegExp, Colour][] = [
  [/^(Running|Ready|Active|Bound|Available|True)$/i, "success"],
  [/^(Completed|Succeeded)$/i, "default"],
  [/(CrashLoop|Error|Failed|BackOff|Evicted|OOMKilled|Unknown|NotReady|Lost)/i, "error"],
  [/^(Pending|ContainerCreating|Terminating|Init)/i, "warning"],
];

export function statusColour(status: string): Colour {
  return BY_STATUS.find(([pattern]) => pattern.test(status))?.[1] ?? "info";
}

/** "2/3" ready counts: complete is fine, partial is a warning, none is an error. */
export function readyColour(ready: string): Colour {
  const m = /^(\d+)\/(\d+)$/.exec(ready);
  if (!m) return "default";
  const [have, want] = [Number(m[1]), Number(m[2])];
  if (have === want) return "success";
  return have === 0 ? "error" : "warning";
}

export function StatusChip({ value, kind = "status" }: { value: string; kind?: "status" | "ready" }) {
  const colour = kind === "ready" ? readyColour(value) : statusColour(value);
  return <Chip size="small" label={value} color={colour} variant={colour === "default" ? "outlined" : "filled"} />;
}
