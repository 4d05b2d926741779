import { Alert, Button, Card, CardActions, CardContent, Stack, TextField, Typography } from "@mui/material";
import { useId, useState } from "react";
import type { ChatEvent } from "../types";
import { ClusterChip } from "../clusters/ClusterChip";
import { Kubectl } from "./PlanCard";
import { RiskBadge } from "./RiskBadge";

type Request = Extract<ChatEvent, { type: "confirmation_request" }>;

interface Props {
  request: Request;
  active: boolean;
  onConfirm: (typedName: string) => void;
  onCancel: () => void;
}

/** Deliberate confirmation: destructive changes need the object's name typed out. */
export function ConfirmCard({ request, active, onConfirm, onCancel }: Props) {
  const [typed, setTyped] = useState("");
  const fieldId = useId();
  const { policy } = request;
  const expired = new Date(request.expires_at).getTime() < Date.now();
  const matches = !policy.type_name || typed.trim() === policy.expected_name;
  const open = active && !expired;
  return (
    <Card
      variant="outlined"
      component="section"
      aria-label="Confirmation required"
      sx={{ borderColor: request.risk === "destructive" ? "error.main" : "warning.main", borderWidth: 2 }}
    >
      <CardContent>
        <Stack direction="row" spacing={1} alignItems="center" flexWrap="wrap" useFlexGap sx={{ mb: 1 }}>
          <Typography variant="subtitle2" component="h3">
            Confirm this change
          </Typography>
          <RiskBadge risk={request.risk} />
          <ClusterChip clusterId={request.cluster} />
        </Stack>
        <Kubectl lines={request.kubectl} />
        {policy.reason && (
          <Alert severity="info" sx={{ mt: 1 }}>
            {policy.reason}
          </Alert>
        )}
        {policy.second_approver && (
          <Alert severity="info" sx={{ mt: 1 }}>
            A second person must approve this change before it runs.
          </Alert>
        )}
        {open && policy.type_name && (
          <TextField
            id={fieldId}
            sx={{ mt: 2 }}
            fullWidth
            autoComplete="off"
            label={`Type ${policy.expected_name} to confirm`}
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter" && matches) onConfirm(typed.trim());
            }}
            inputProps={{ "data-testid": "confirm-name" }}
          />
        )}
        {!open && (
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {expired && active ? "This preview expired; ask again for a fresh one." : "Closed."}
          </Typography>
        )}
      </CardContent>
      {open && (
        <CardActions>
          <Button
            variant="contained"
            color={request.risk === "destructive" ? "error" : "primary"}
            disabled={!matches}
            onClick={() => onConfirm(typed.trim())}
          >
            Confirm and run
          </Button>
          <Button onClick={onCancel}>Cancel</Button>
        </CardActions>
      )}
    </Card>
  );
}
