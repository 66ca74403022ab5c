import { headers } from "next/headers";
import { notFound } from "next/navigation";
import { cache } from "react";
import { contactIdParams, type Contact } from "@/lib/contracts/contacts";
import { isAppError } from "@/server/errors";
import { runWithRequestHeaders } from "@/server/http/request-headers-context";
import { getContact } from "@/server/services/contacts";
import { currentAccount } from "../../current-account";

/** An id that is malformed, unknown or another practitioner's is the same 404. */
async function readClient(id: string, recordView: boolean): Promise<Contact> {
  const account = await currentAccount();
  if (!contactIdParams.safeParse({ id }).success) notFound();
  try {
    const requestHeaders = await headers();
    return await runWithRequestHeaders(requestHeaders, "/clients/[id]", () =>
      getContact({ userId: account.id }, { id }, { recordView }),
    );
  } catch (error) {
    if (isAppError(error) && error.code === "not_found") notFound();
    throw error;
  }
}

/**
 * The client the page shows, once per request; the view is audited with the page request's IP,
 * user agent and request id.
 */
export const loadClient = cache((id: string): Promise<Contact> => readClient(id, true));

/**
 * The client for the page title, not audited: the router prefetches titles of client links in
 * view (metadata-only requests), and a prefetch is nobody looking at the record.
 */
export const loadClientTitle = cache((id: string): Promise<Contact> => readClient(id, false));
