export { getCurrentConsentDocuments, consentBodyHash } from "./document-rows";
export {
  appendClientConsents,
  appendClientConsentsInput,
  appendClientConsentRecord,
  type AppendClientConsentRecord,
} from "./append-client-consents";
export { listConsentDocuments } from "./list-consent-documents";
export { publishConsentDocument, publishConsentDocumentInput } from "./publish-consent-document";
export { listConsentDocumentVersions, listConsentDocumentVersionsParams } from "./list-consent-document-versions";
export { listClientConsents, listClientConsentsParams } from "./list-client-consents";
export {
  withdrawClientConsent,
  withdrawClientConsentInput,
  withdrawClientConsentParams,
} from "./withdraw-client-consent";
export { getClientConsent, getClientConsentParams } from "./get-client-consent";
