import { practitionerFormatOf, type PractitionerFormat } from "@/lib/format/settings";
import { getProfile } from "./get-profile";

/**
 * The server-side equivalent of `usePractitionerFormat()`: the settings to format a practitioner's
 * dates with in server components, CSV meant for people and emails. Pass the request's Accept-Language
 * when there is a request, so "browser default" reads as the browser's language.
 */
export async function practitionerFormat(userId: string, acceptLanguage?: string | null): Promise<PractitionerFormat> {
  return practitionerFormatOf(await getProfile(userId), acceptLanguage);
}
