import { useEffect, useState } from "react";
import type { WebConfig } from "../types";
import { useAppDispatch } from "../store";
import { sessionExpired, signedIn, signedOut } from "../store/session";
import { currentManager, displayName, userManager } from "./oidc";

export const DEV_TOKEN = "dev";

/** Restores a session (or completes the Keycloak redirect) and watches its expiry. */
export function useAuthBootstrap(config: WebConfig | undefined): boolean {
  const dispatch = useAppDispatch();
  const [ready, setReady] = useState(false);

  useEffect(() => {
    if (!config) return;
    if (config.auth_mode === "dev") {
      if (sessionStorage.getItem("kubechat.dev") === "1") {
        dispatch(signedIn({ token: DEV_TOKEN, user: "developer", expiresAt: null }));
      }
      setReady(true);
      return;
    }
    const manager = userManager(config);
    const onExpired = () => {
      // A fresh token if the Keycloak session still allows one; else the sign-in screen.
      void refreshSession(dispatch);
    };
    manager.events.addAccessTokenExpired(onExpired);
    (async () => {
      try {
        if (window.location.pathname === "/auth/callback") {
          await manager.signinRedirectCallback();
          window.history.replaceState({}, "", "/");
        }
        const user = await manager.getUser();
        if (user && !user.expired) {
          dispatch(
            signedIn({ token: user.access_token, user: displayName(user), expiresAt: user.expires_at ?? null }),
          );
        }
      } catch (error) {
        console.error("sign-in failed", error);
        window.history.replaceState({}, "", "/");
      } finally {
        setReady(true);
      }
    })();
    return () => manager.events.removeAccessTokenExpired(onExpired);
  }, [config, dispatch]);

  return ready;
}

let refreshing: Promise<boolean> | null = null;

/** Trades the refresh token for a new access token (the expiry timer and the socket's
 * "sign in again" close both ask; one request serves both). False: sign in again. */
export function refreshSession(dispatch: ReturnType<typeof useAppDispatch>): Promise<boolean> {
  const manager = currentManager();
  if (manager === null) return Promise.resolve(false);
  refreshing ??= (async () => {
    try {
      const user = await manager.signinSilent();
      if (user && !user.expired) {
        dispatch(signedIn({ token: user.access_token, user: displayName(user), expiresAt: user.expires_at ?? null }));
        return true;
      }
    } catch (error) {
      console.warn("token refresh failed", error);
    } finally {
      refreshing = null;
    }
    dispatch(sessionExpired());
    return false;
  })();
  return refreshing;
}

export async function signIn(config: WebConfig, dispatch: ReturnType<typeof useAppDispatch>) {
  if (config.auth_mode === "dev") {
    sessionStorage.setItem("kubechat.dev", "1");
    dispatch(signedIn({ token: DEV_TOKEN, user: "developer", expiresAt: null }));
    return;
  }
  await userManager(config).signinRedirect();
}

export async function signOut(config: WebConfig, dispatch: ReturnType<typeof useAppDispatch>) {
  dispatch(signedOut());
  if (config.auth_mode === "dev") {
    sessionStorage.removeItem("kubechat.dev");
    return;
  }
  const manager = userManager(config);
  const user = await manager.getUser();
  await manager.removeUser();
  // Ends the Keycloak SSO session too, so the next person at this browser must sign in.
  await manager.signoutRedirect({ id_token_hint: user?.id_token });
}
