import { Chip } from "@mui/material";
import { useClustersQuery } from "../store/api";
import { environmentColour } from "../theme";

/** A cluster's name in its environment's colour; the environment is spelled out too,
 * so colour is never the only signal (WCAG 1.4.1). */
export function ClusterChip({ clusterId }: { clusterId: string }) {
  const { data } = useClustersQuery();
  const id = clusterId || "default";
  const cluster = data?.clusters.find((c) => c.id === id || c.name === id);
  const env = cluster?.environment ?? "unknown";
  const colour = environmentColour(env);
  return (
    <Chip
      size="small"
      label={`${cluster?.name ?? id} · ${colour.label}`}
      sx={{ bgcolor: colour.bg, color: "#fff", fontWeight: 600 }}
      data-environment={env}
    />
  );
}
