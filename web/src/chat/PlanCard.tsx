import { Box, Card, CardContent, Stack, Typography } from "@mui/material";
import type { Plan } from "../types";
import { ClusterChip } from "../clusters/ClusterChip";
import { RiskBadge } from "./RiskBadge";

export function Kubectl({ lines }: { lines: string[] }) {
  return (
    <Box
      component="pre"
      aria-label="kubectl equivalent"
      sx={{ m: 0, p: 1, borderRadius: 1, bgcolor: "action.hover", overflowX: "auto", fontSize: 14 }}
    >
      {lines.map((l) => `$ ${l}`).join("\n")}
    </Box>
  );
}

export function PlanCard({ plan, cluster }: { plan: Plan; cluster: string }) {
  return (
    <Card variant="outlined" component="section" aria-label="Plan">
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 1 }}>
          <Typography variant="subtitle2" component="h3">
            Plan
          </Typography>
          <RiskBadge risk={plan.risk} />
          <ClusterChip clusterId={cluster} />
          <Typography variant="caption" color="text.secondary">
            confidence {Math.round(plan.confidence * 100)}% · {plan.engine || "rules"}
          </Typography>
        </Stack>
        {plan.kubectl.length > 0 ? (
          <Kubectl lines={plan.kubectl} />
        ) : (
          <Typography color="text.secondary">Nothing to run.</Typography>
        )}
      </CardContent>
    </Card>
  );
}
