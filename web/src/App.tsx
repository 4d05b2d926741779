import {
  AppBar,
  Box,
  Button,
  CircularProgress,
  CssBaseline,
  Drawer,
  IconButton,
  ThemeProvider,
  Toolbar,
  Tooltip,
  Typography,
  useMediaQuery,
} from "@mui/material";
import { useMemo, useState } from "react";
import { SignIn } from "./auth/SignIn";
import { signOut, useAuthBootstrap } from "./auth/useAuth";
import { ChatView } from "./chat/ChatView";
import { ClusterSwitcher } from "./clusters/ClusterSwitcher";
import { HistoryPanel } from "./history/HistoryPanel";
import { useAppDispatch, useAppSelector } from "./store";
import { useConfigQuery } from "./store/api";
import { toggleTheme } from "./store/session";
import { makeTheme } from "./theme";

const DRAWER = 280;

function Shell() {
  const dispatch = useAppDispatch();
  const { data: config } = useConfigQuery();
  const user = useAppSelector((s) => s.session.user);
  const mode = useAppSelector((s) => s.session.theme);
  const phone = useMediaQuery("(max-width:899px)");
  const [drawerOpen, setDrawerOpen] = useState(false);
  const history = <HistoryPanel onPicked={() => setDrawerOpen(false)} />;
  return (
    <Box sx={{ display: "flex", flexDirection: "column", height: "100dvh" }}>
      <a href="#main" className="skip-link">
        Skip to chat
      </a>
      <AppBar position="static" component="header" color="default" enableColorOnDark sx={{ bgcolor: mode === "dark" ? "#1e1e1e" : "#0d47a1", color: "#fff" }}>
        <Toolbar sx={{ gap: 1, flexWrap: "wrap", py: { xs: 1, sm: 0 } }}>
          {phone && (
            <IconButton color="inherit" aria-label="Open conversations" onClick={() => setDrawerOpen(true)}>
              <span aria-hidden>☰</span>
            </IconButton>
          )}
          <Typography variant="h6" component="h1" sx={{ mr: 1 }}>
            KubeChat
          </Typography>
          <ClusterSwitcher />
          <Box sx={{ flex: 1 }} />
          <Tooltip title={`Switch to ${mode === "dark" ? "light" : "dark"} theme`}>
            <IconButton color="inherit" aria-label={`Switch to ${mode === "dark" ? "light" : "dark"} theme`} onClick={() => dispatch(toggleTheme())}>
              <span aria-hidden>{mode === "dark" ? "☀" : "☾"}</span>
            </IconButton>
          </Tooltip>
          {!phone && <Typography variant="body2" data-testid="user">{user}</Typography>}
          <Button color="inherit" variant="outlined" onClick={() => config && void signOut(config, dispatch)}>
            Sign out
          </Button>
        </Toolbar>
      </AppBar>
      <Box sx={{ display: "flex", flex: 1, minHeight: 0 }}>
        {phone ? (
          <Drawer open={drawerOpen} onClose={() => setDrawerOpen(false)} sx={{ "& .MuiDrawer-paper": { width: DRAWER } }}>
            {history}
          </Drawer>
        ) : (
          <Box sx={{ width: DRAWER, borderRight: 1, borderColor: "divider", flexShrink: 0 }}>{history}</Box>
        )}
        <Box component="main" id="main" tabIndex={-1} sx={{ flex: 1, minWidth: 0 }}>
          <ChatView />
        </Box>
      </Box>
    </Box>
  );
}

export function App() {
  const mode = useAppSelector((s) => s.session.theme);
  const theme = useMemo(() => makeTheme(mode), [mode]);
  const { data: config, isError } = useConfigQuery();
  const ready = useAuthBootstrap(config);
  const signedIn = useAppSelector((s) => s.session.token !== null && !s.session.expired);
  let body;
  if (isError) body = <Typography sx={{ p: 4 }}>The KubeChat gateway is not answering. Retry in a moment.</Typography>;
  else if (!config || !ready)
    body = (
      <Box sx={{ display: "grid", placeItems: "center", height: "100vh" }}>
        <CircularProgress aria-label="Loading" />
      </Box>
    );
  else body = signedIn ? <Shell /> : <SignIn config={config} />;
  return (
    <ThemeProvider theme={theme}>
      <CssBaseline />
      {body}
    </ThemeProvider>
  );
}
