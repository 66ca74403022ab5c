/** Shown when the practitioner connected Google but did not allow Gmail (or removed it later). */
export const NO_GMAIL_REASON =
  "Gmail access was not granted on Google's consent screen. Reconnect Google and allow Gmail.";
