import { Alert, Button, Stack, Typography } from "@mui/material";
import type { ChatEvent } from "../types";
import { ResultCard } from "../results/ResultCard";
import { LogView } from "../results/LogView";
import { ConfirmCard } from "./ConfirmCard";
import { PlanCard } from "./PlanCard";
import { PreviewCard } from "./PreviewCard";

interface Props {
  event: ChatEvent;
  activeConfirmation: string | null;
  onChoose: (text: string) => void;
  onConfirm: (confirmationId: string, typedName: string) => void;
  onCancel: (confirmationId: string) => void;
}

export function EventItem({ event, activeConfirmation, onChoose, onConfirm, onCancel }: Props) {
  switch (event.type) {
    case "plan":
      return <PlanCard plan={event.plan} cluster={event.cluster} />;
    case "clarification":
      return (
        <Stack spacing={1} component="section" aria-label="Clarification">
          <Typography>{event.clarification.question}</Typography>
          <Stack direction="row" spacing={1} flexWrap="wrap" useFlexGap>
            {event.clarification.choices.map((choice) => (
              <Button key={choice.text} variant="outlined" onClick={() => onChoose(choice.text)}>
                {choice.label}
              </Button>
            ))}
          </Stack>
        </Stack>
      );
    case "cluster_change":
      return (
        <Alert severity="warning">
          This follow-up runs on <strong>{event.cluster}</strong>, not on {event.previous} as before.
        </Alert>
      );
    case "preview":
      return <PreviewCard diff={event.diff} affected={event.affected} />;
    case "confirmation_request":
      return (
        <ConfirmCard
          request={event}
          active={activeConfirmation === event.confirmation_id}
          onConfirm={(typed) => onConfirm(event.confirmation_id, typed)}
          onCancel={() => onCancel(event.confirmation_id)}
        />
      );
    case "result":
      return <ResultCard result={event.result} verification={event.verification} cluster={event.cluster} />;
    case "log":
      return <LogView text={event.text} />;
    case "error":
      return (
        <Alert severity="error" role="alert">
          <strong>{event.message}</strong>
          {event.hint && <div>{event.hint}</div>}
        </Alert>
      );
    case "cancelled":
      return <Alert severity="info">Cancelled. Nothing was changed.</Alert>;
    default:
      return null;
  }
}
