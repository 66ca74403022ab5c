import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { contactIdParams, type Contact } from "@/lib/contracts/contacts";
import { isAppError } from "@/server/http/app-error";
import { runWithRequestHeaders } from "@/server/services/audit";
import { getContact } from "@/server/services/contacts";
import { currentAccount } from "../../current-account";

/**
 * The signed-in practitioner's client, once per request (page and title share it). An id that is
 * malformed, unknown or another practitioner's is the same 404. The view is audited once, with the
 * page request's IP, user agent and request id.
 */
export const loadClient = cache(async (id: string): Promise<Contact> => {
  const account = await currentAccount();
  if (!contactIdParams.safeParse({ id }).success) notFound();
  try {
    const requestHeaders = await headers();
    return await runWithRequestHeaders(requestHeaders, "/clients/[id]", () =>
      getContact({ userId: account.id }, { id }),
    );
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
});
