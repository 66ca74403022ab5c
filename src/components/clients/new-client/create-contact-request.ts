import type { z } from "zod";
import { ApiError, apiRequest, isApiError } from "@/lib/api-client";
import {
  contactSchema,
  duplicateContactDetails,
  type Contact,
  type CreateContactInput,
} from "@/lib/contracts/contacts";

/** A 409 from `POST /api/contacts` that names the client already on file. */
export class DuplicateContactError extends ApiError {
  readonly duplicateId: string;
  readonly matchedOn: "email" | "phone";

  constructor(cause: ApiError, details: z.infer<typeof duplicateContactDetails>) {
    super({ status: cause.status, code: cause.code, message: cause.message, requestId: cause.requestId, details });
    this.duplicateId = details.duplicateId;
    this.matchedOn = details.matchedOn;
  }
}

/** Creates a client: a duplicate rejects with `DuplicateContactError`, anything else with the API's `ApiError`. */
export async function createContactRequest(values: CreateContactInput): Promise<Contact> {
  try {
    return await apiRequest("/api/contacts", { method: "POST", body: values, schema: contactSchema });
  } catch (error) {
    const duplicate =
      isApiError(error) && error.status === 409 ? duplicateContactDetails.safeParse(error.details) : null;
    if (isApiError(error) && duplicate?.success) throw new DuplicateContactError(error, duplicate.data);
    throw error;
  }
}
