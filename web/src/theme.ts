import { createTheme } from "@mui/material";
import type { ThemeMode } from "./store/session";

export function makeTheme(mode: ThemeMode) {
  return createTheme({
    palette: {
      mode,
      // AA for every coloured chip and button: MUI's default threshold (3) allows 3:1.
      contrastThreshold: 4.5,
      // Darker primaries than MUI's defaults so white text on buttons meets 4.5:1.
      primary: { main: mode === "dark" ? "#90caf9" : "#1565c0" },
      background: mode === "dark" ? { default: "#121212", paper: "#1e1e1e" } : { default: "#f5f7fa" },
    },
    components: {
      MuiButtonBase: { defaultProps: { disableRipple: false } },
    },
  });
}

// Environment colours: one glance says which cluster is being touched. Each pair keeps
// at least 4.5:1 contrast (WCAG AA) for the white label text, in both themes.
export const ENVIRONMENT_COLOURS: Record<string, { bg: string; label: string }> = {
  production: { bg: "#b71c1c", label: "production" },
  staging: { bg: "#8a4b00", label: "staging" },
  dev: { bg: "#1b5e20", label: "dev" },
  unknown: { bg: "#455a64", label: "unlabelled" },
};

export function environmentColour(environment: string) {
  return ENVIRONMENT_COLOURS[environment] ?? ENVIRONMENT_COLOURS.unknown;
}
