import type { z } from "zod";
import { ApiError } from "@/lib/api-client";
import {
  contactSchema,
  duplicateContactDetails,
  type Contact,
  type CreateContactInput,
} from "@/lib/contracts/contacts";
import { errorBodySchema } from "@/lib/contracts/errors";

/** A 409 from `POST /api/contacts` that names the client already on file. */
export class DuplicateContactError extends ApiError {
  readonly duplicateId: string;
  readonly matchedOn: "email" | "phone";

  constructor(message: string, requestId: string, details: z.infer<typeof duplicateContactDetails>) {
    super({ status: 409, code: "conflict", message, requestId });
    this.duplicateId = details.duplicateId;
    this.matchedOn = details.matchedOn;
  }
}

const duplicateBody = errorBodySchema.extend({
  error: errorBodySchema.shape.error.extend({ details: duplicateContactDetails }),
});

const NETWORK = "We couldn't reach OmniCRM. Check your connection and try again.";
const GENERIC = "Something went wrong. Try again, and contact support if it keeps happening.";

/**
 * Creates a client. `apiRequest` keeps only an error's message, and a 409 here carries which client
 * matched, so this one call reads the answer itself: a duplicate rejects with `DuplicateContactError`,
 * anything else with the `ApiError` the API described.
 */
export async function createContactRequest(values: CreateContactInput): Promise<Contact> {
  let response: Response;
  try {
    response = await fetch("/api/contacts", {
      method: "POST",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: JSON.stringify(values),
      credentials: "same-origin",
      cache: "no-store",
    });
  } catch {
    throw new ApiError({ status: 0, code: "network", message: NETWORK });
  }
  const body: unknown = await response.json().catch(() => undefined);
  if (response.ok) return contactSchema.parse(body);

  const duplicate = duplicateBody.safeParse(body);
  if (response.status === 409 && duplicate.success) {
    const { message, requestId, details } = duplicate.data.error;
    throw new DuplicateContactError(message, requestId, details);
  }
  const failure = errorBodySchema.safeParse(body);
  const error = failure.success ? failure.data.error : undefined;
  throw new ApiError({
    status: response.status,
    code: error?.code ?? "internal",
    message: error?.message ?? GENERIC,
    requestId: error?.requestId ?? response.headers.get("x-request-id") ?? undefined,
    fieldErrors: fieldErrorsOf(error?.details),
  });
}

/** Validation failures come as `details: [{ path, message }]`: the first message per field. */
function fieldErrorsOf(details: unknown): Record<string, string> {
  const fieldErrors: Record<string, string> = {};
  for (const detail of Array.isArray(details) ? (details as unknown[]) : []) {
    const { path, message } = (detail ?? {}) as { path?: unknown; message?: unknown };
    if (typeof path === "string" && typeof message === "string" && !(path in fieldErrors)) fieldErrors[path] = message;
  }
  return fieldErrors;
}
