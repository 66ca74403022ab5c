export { getAiSettings, getAiUsage, updateAiSettings, updateAiSettingsInput } from "./ai-settings";
export { getClientSummaryStatus } from "./client-summary-status";
export { summariseClient, summariseClientParams } from "./summarise-client";
export { aiConsentVerdict } from "./ai-consent";
