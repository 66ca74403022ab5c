import { vi } from "vitest";
import type { RouteHandler } from "../../support/test-browser";

export interface AuthRoutes {
  signUp: RouteHandler;
  signIn: RouteHandler;
  signOut: RouteHandler;
  signOutAll: RouteHandler;
  resetPassword: RouteHandler;
  confirmReset: RouteHandler;
  user: RouteHandler;
  google: RouteHandler;
  callback: RouteHandler;
}

/**
 * Configuration is validated once, when `@/server/config` is first imported (the harness already did),
 * so a suite with its own variables sets them and loads the app's modules afresh.
 */
export async function loadAuthRoutes(variables: Record<string, string | undefined>): Promise<AuthRoutes> {
  for (const [name, value] of Object.entries(variables)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  vi.resetModules();
  const [signUp, signIn, signOut, signOutAll, resetPassword, confirmReset, user, google, callback] = await Promise.all([
    import("@/app/api/auth/sign-up/route"),
    import("@/app/api/auth/sign-in/route"),
    import("@/app/api/auth/sign-out/route"),
    import("@/app/api/auth/sign-out-all/route"),
    import("@/app/api/auth/reset-password/route"),
    import("@/app/api/auth/reset-password/confirm/route"),
    import("@/app/api/auth/user/route"),
    import("@/app/api/auth/google/route"),
    import("@/app/auth/callback/route"),
  ]);
  return {
    signUp: signUp.POST,
    signIn: signIn.POST,
    signOut: signOut.POST,
    signOutAll: signOutAll.POST,
    resetPassword: resetPassword.POST,
    confirmReset: confirmReset.POST,
    user: user.GET,
    google: google.GET,
    callback: callback.GET,
  };
}
