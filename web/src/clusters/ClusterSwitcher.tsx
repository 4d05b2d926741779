import { Box, FormControl, InputLabel, MenuItem, Select } from "@mui/material";
import { useEffect, useId } from "react";
import { useAppDispatch, useAppSelector } from "../store";
import { useClustersQuery } from "../store/api";
import { selectCluster } from "../store/session";
import { environmentColour } from "../theme";

/** Always in the app bar: which cluster the next question goes to, in its colour. */
export function ClusterSwitcher() {
  const dispatch = useAppDispatch();
  const selected = useAppSelector((s) => s.session.cluster);
  const { data, isError } = useClustersQuery(undefined, { pollingInterval: 30_000 });
  const clusters = data?.clusters ?? [];
  const labelId = useId();
  const current = clusters.find((c) => c.id === selected) ?? clusters[0];

  useEffect(() => {
    // A stored choice that no longer exists falls back to the first cluster.
    if (clusters.length && !clusters.some((c) => c.id === selected)) dispatch(selectCluster(clusters[0].id));
  }, [clusters, selected, dispatch]);

  const colour = environmentColour(current?.environment ?? "unknown");
  return (
    <FormControl size="small" sx={{ minWidth: { xs: 140, sm: 220 } }}>
      <InputLabel id={labelId} sx={{ color: "#fff", "&.Mui-focused": { color: "#fff" } }}>
        Cluster
      </InputLabel>
      <Select
        labelId={labelId}
        label="Cluster"
        value={current?.id ?? ""}
        onChange={(e) => dispatch(selectCluster(String(e.target.value)))}
        data-testid="cluster-switcher"
        data-environment={current?.environment ?? "unknown"}
        sx={{
          bgcolor: colour.bg,
          color: "#fff",
          fontWeight: 600,
          "& .MuiSvgIcon-root": { color: "#fff" },
          "& .MuiOutlinedInput-notchedOutline": { borderColor: "rgba(255,255,255,0.7)" },
        }}
      >
        {isError && <MenuItem value="">clusters unavailable</MenuItem>}
        {clusters.map((c) => {
          const env = environmentColour(c.environment);
          return (
            <MenuItem key={c.id} value={c.id}>
              <Box component="span" aria-hidden sx={{ width: 12, height: 12, borderRadius: "50%", bgcolor: env.bg, mr: 1, display: "inline-block" }} />
              {c.name} · {env.label}
              {!c.reachable && " (unreachable)"}
            </MenuItem>
          );
        })}
      </Select>
    </FormControl>
  );
}
