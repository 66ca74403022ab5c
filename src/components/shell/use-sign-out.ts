"use client";

import { useState } from "react";
import { ApiError, apiRequest, isApiError } from "@/lib/api-client";
import type { SignInNotice } from "@/components/auth/notices";

export type SignOutScope = "this-device" | "all-devices";

const SIGN_OUT: Record<SignOutScope, { endpoint: string; notice: SignInNotice }> = {
  "this-device": { endpoint: "/api/auth/sign-out", notice: "signed-out" },
  "all-devices": { endpoint: "/api/auth/sign-out-all", notice: "signed-out-everywhere" },
};

/** Ends this session or every session, then reloads the sign-in page so no signed-in view stays cached. */
export function useSignOut() {
  const [pending, setPending] = useState<SignOutScope | null>(null);
  const [error, setError] = useState<ApiError | null>(null);

  async function signOut(scope: SignOutScope) {
    const { endpoint, notice } = SIGN_OUT[scope];
    setPending(scope);
    setError(null);
    try {
      await apiRequest(endpoint, { body: {} });
    } catch (caught) {
      // An already-ended session is the outcome the practitioner asked for.
      if (!isApiError(caught) || caught.code !== "unauthorized") {
        setPending(null);
        setError(isApiError(caught) ? caught : new ApiError({ status: 0, code: "internal", message: String(caught) }));
        return;
      }
    }
    window.location.assign(`/sign-in?notice=${notice}`);
  }

  return { signOut, pending, error, clearError: () => setError(null) };
}
