import { Alert, Box, Button, Paper, Stack, Typography } from "@mui/material";
import type { WebConfig } from "../types";
import { useAppDispatch, useAppSelector } from "../store";
import { signIn } from "./useAuth";

export function SignIn({ config }: { config: WebConfig }) {
  const dispatch = useAppDispatch();
  const expired = useAppSelector((s) => s.session.expired);
  const dev = config.auth_mode === "dev";
  return (
    <Box component="main" sx={{ minHeight: "100vh", display: "grid", placeItems: "center", p: 2 }}>
      <Paper sx={{ p: 4, maxWidth: 420, width: "100%" }} elevation={3}>
        <Stack spacing={2}>
          <Typography variant="h4" component="h1">
            KubeChat
          </Typography>
          <Typography>Manage Kubernetes in plain language: every change previewed, confirmed and audited.</Typography>
          {expired && <Alert severity="warning">Your session expired. Sign in again to continue.</Alert>}
          {dev && (
            <Alert severity="info">
              Development mode: the gateway accepts any caller as the local developer. No Keycloak needed.
            </Alert>
          )}
          <Button variant="contained" size="large" onClick={() => void signIn(config, dispatch)}>
            {dev ? "Sign in (development)" : "Sign in with Keycloak"}
          </Button>
        </Stack>
      </Paper>
    </Box>
  );
}
