import type { GoogleCallbackOutcome } from "@/lib/contracts/google";

export const GOOGLE_CALLBACK_PATH = "/api/integrations/google/callback";
export const INTEGRATIONS_PAGE_PATH = "/settings/integrations";

export const callbackUri = (origin: string) => `${origin}${GOOGLE_CALLBACK_PATH}`;

/** Where the browser lands after the round trip: Settings → Integrations, with the outcome's code. */
export const integrationsPage = (origin: string, outcome: GoogleCallbackOutcome) =>
  `${origin}${INTEGRATIONS_PAGE_PATH}?google=${outcome}`;
