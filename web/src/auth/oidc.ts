import { UserManager, WebStorageStateStore, type User } from "oidc-client-ts";
import type { WebConfig } from "../types";

// Authorization code + PKCE (oidc-client-ts default) against Keycloak's public client.
// Tokens live in sessionStorage: gone with the tab, never in a cookie the gateway reads.
let manager: UserManager | null = null;

export function userManager(config: WebConfig): UserManager {
  if (manager === null) {
    manager = new UserManager({
      authority: config.oidc_issuer,
      client_id: config.oidc_client_id,
      redirect_uri: `${window.location.origin}/auth/callback`,
      post_logout_redirect_uri: `${window.location.origin}/`,
      response_type: "code",
      scope: "openid profile email",
      automaticSilentRenew: false,
      userStore: new WebStorageStateStore({ store: window.sessionStorage }),
    });
  }
  return manager;
}

/** The manager once sign-in was set up (null in dev mode, where nothing expires). */
export function currentManager(): UserManager | null {
  return manager;
}

export function displayName(user: User): string {
  const p = user.profile;
  return (p.preferred_username as string | undefined) ?? p.name ?? p.sub;
}
