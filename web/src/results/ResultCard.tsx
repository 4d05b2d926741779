import { Alert, Card, CardContent, Chip, Stack, Typography } from "@mui/material";
import { download, tableAs } from "../export";
import type { Result, Verification } from "../types";
import { ClusterChip } from "../clusters/ClusterChip";
import { Kubectl } from "../chat/PlanCard";
import { ExportMenu } from "./ExportMenu";
import { LogView } from "./LogView";
import { ResourceTable } from "./ResourceTable";

const VERIFIED: Record<string, { label: string; colour: "success" | "error" | "warning" }> = {
  verified: { label: "Verified", colour: "success" },
  failed: { label: "Verification failed", colour: "error" },
  rolled_back: { label: "Rolled back", colour: "warning" },
};

function isLogs(result: Result): boolean {
  return / logs? /.test(` ${result.kubectl} `) || result.kubectl.includes(" logs");
}

export function ResultCard({ result, verification, cluster }: { result: Result; verification: Verification | null; cluster: string }) {
  const verdict = verification ? VERIFIED[verification.outcome] : undefined;
  return (
    <Card variant="outlined" component="section" aria-label="Result">
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 1 }}>
          <Typography variant="subtitle2" component="h3">
            Result
          </Typography>
          <ClusterChip clusterId={cluster} />
          {verdict && <Chip size="small" color={verdict.colour} label={`${verdict.label}: ${verification?.condition ?? ""}`} />}
          {result.table && (
            <ExportMenu
              label="Export result"
              onExport={(format) => result.table && download(tableAs(result.table, format), `result-${result.table.kind || "rows"}`, format)}
            />
          )}
        </Stack>
        {result.kubectl && <Kubectl lines={[result.kubectl]} />}
        {result.error && (
          <Alert severity="error" sx={{ mt: 1 }}>
            <strong>{result.error.message}</strong>
            {result.error.hint && <div>{result.error.hint}</div>}
          </Alert>
        )}
        {verification?.detail && <Typography variant="body2">{verification.detail}</Typography>}
        {result.table && (
          <Stack sx={{ mt: 1 }}>
            <ResourceTable table={result.table} />
          </Stack>
        )}
        {!result.table && result.text && (isLogs(result) ? <LogView text={result.text} /> : (
          <Typography component="pre" sx={{ whiteSpace: "pre-wrap", m: 0, mt: 1 }}>
            {result.text}
          </Typography>
        ))}
      </CardContent>
    </Card>
  );
}
