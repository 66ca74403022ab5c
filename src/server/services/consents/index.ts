export { getCurrentConsentDocuments, consentBodyHash } from "./document-rows";
export {
  appendClientConsents,
  appendClientConsentsInput,
  appendClientConsentRecord,
  type AppendClientConsentRecord,
} from "./append-client-consents";
