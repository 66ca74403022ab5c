"use client";

import { useState } from "react";
import { ApiError, apiRequest, isApiError } from "@/lib/api-client";
import type { SignInNotice } from "@/components/auth/notices";

export type SignOutScope = "this-device" | "all-devices";

const SIGN_OUT: Record<SignOutScope, { endpoint: string; notice: SignInNotice }> = {
  "this-device": { endpoint: "/api/auth/sign-out", notice: "signed-out" },
  "all-devices": { endpoint: "/api/auth/sign-out-all", notice: "signed-out-everywhere" },
};

function asApiError(caught: unknown): ApiError {
  return isApiError(caught) ? caught : new ApiError({ status: 0, code: "internal", message: String(caught) });
}

/** Ends this session or every session, then reloads the sign-in page; throws the ApiError when that failed. */
export async function endSessions(scope: SignOutScope): Promise<void> {
  const { endpoint, notice } = SIGN_OUT[scope];
  try {
    await apiRequest(endpoint, { body: {} });
  } catch (caught) {
    // An already-ended session is the outcome the practitioner asked for.
    if (!isApiError(caught) || caught.code !== "unauthorized") throw asApiError(caught);
  }
  window.location.assign(`/sign-in?notice=${notice}`);
}

/** Sign-out for a button or menu: `endSessions` with the scope in progress and the failure to show. */
export function useSignOut() {
  const [pending, setPending] = useState<SignOutScope | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function signOut(scope: SignOutScope) {
    setPending(scope);
    setError(null);
    try {
      await endSessions(scope);
    } catch (caught) {
      setPending(null);
      setError(asApiError(caught));
    }
  }

  return { signOut, pending, error, clearError: () => setError(null) };
}
