import { apiRequest } from "@/lib/api-client";
import {
  clientConsentListResponse,
  clientConsentSchema,
  consentDocumentSchema,
  consentDocumentVersionsResponse,
  type ConsentKind,
  type PublishConsentDocumentInput,
} from "@/lib/contracts/consents";

/** The consent API as the browser calls it; every answer is parsed with the contract the server answers with. */

export function fetchConsentDocumentVersions(kind: ConsentKind, signal?: AbortSignal) {
  return apiRequest(`/api/consent-documents/${kind}/versions`, {
    schema: consentDocumentVersionsResponse,
    ...(signal ? { signal } : {}),
  });
}

export function publishConsentDocument(input: PublishConsentDocumentInput) {
  return apiRequest("/api/consent-documents", { method: "POST", body: input, schema: consentDocumentSchema });
}

export function fetchClientConsents(contactId: string, signal?: AbortSignal) {
  return apiRequest(`/api/contacts/${contactId}/consents`, {
    schema: clientConsentListResponse,
    ...(signal ? { signal } : {}),
  });
}

export function withdrawConsent(contactId: string, kind: ConsentKind) {
  return apiRequest(`/api/contacts/${contactId}/consents/withdraw`, {
    method: "POST",
    body: { kind },
    schema: clientConsentSchema,
  });
}
