import { headers } from "next/headers";
import { cache } from "react";
import type { PractitionerFormat } from "@/lib/format/settings";
import { practitionerFormat } from "@/server/services/profiles";
import { currentAccount } from "./current-account";

/**
 * The signed-in practitioner's date settings, read once per request: the layout hands them to the
 * browser's provider, and server components format with the same values.
 */
export const currentPractitionerFormat = cache(async (): Promise<PractitionerFormat> => {
  const account = await currentAccount();
  return practitionerFormat(account.id, (await headers()).get("accept-language"));
});
