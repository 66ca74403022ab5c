import { describe, expect, it } from "vitest";
import { DEFAULT_CONSENT_DOCUMENTS } from "@/lib/consent-defaults";
import {
  CONSENT_KINDS,
  CONSENT_LIMITS,
  currentConsentDecisions,
  publishConsentDocumentInput,
  signatureImageSchema,
  type ClientConsent,
} from "./consents";

const record = (kind: ClientConsent["kind"], decision: ClientConsent["decision"], at: string): ClientConsent => ({
  id: crypto.randomUUID(),
  contactId: "00000000-0000-4000-8000-000000000001",
  kind,
  decision,
  documentId: "00000000-0000-4000-8000-000000000002",
  documentHash: "a".repeat(64),
  documentVersion: 1,
  documentTitle: "T",
  signatureName: null,
  signatureImage: null,
  source: "intake",
  ip: null,
  userAgent: null,
  recordedAt: at,
});

describe("currentConsentDecisions", () => {
  it("takes the newest record of each kind and leaves unanswered kinds null", () => {
    const history = [
      record("marketing", "withdrawn", "2026-03-01T00:00:00Z"),
      record("data_processing", "granted", "2026-02-01T00:00:00Z"),
      record("marketing", "granted", "2026-02-01T00:00:00Z"),
    ];
    const current = currentConsentDecisions(history);
    expect(current.marketing?.decision).toBe("withdrawn");
    expect(current.data_processing?.decision).toBe("granted");
    expect(current.photography).toBeNull();
    expect(Object.keys(current)).toEqual([...CONSENT_KINDS]);
  });
});

describe("signatureImageSchema", () => {
  it("accepts a base64 PNG data URL within the limit and nothing else", () => {
    expect(signatureImageSchema.safeParse("data:image/png;base64,iVBORw0KGgo=").success).toBe(true);
    for (const bad of [
      "data:image/svg+xml;base64,PHN2Zz4=",
      "data:image/png;base64,<script>",
      "data:image/png;base64,",
      "https://example.com/sig.png",
      `data:image/png;base64,${"A".repeat(CONSENT_LIMITS.signatureImageMax)}`,
    ]) {
      expect(signatureImageSchema.safeParse(bad).success, bad.slice(0, 40)).toBe(false);
    }
  });
});

describe("publishConsentDocumentInput", () => {
  it("keeps the body exactly as typed, so the hash covers what clients see", () => {
    const body = "  Line one\n\nLine two  \n";
    expect(publishConsentDocumentInput.parse({ kind: "marketing", title: " T ", body })).toEqual({
      kind: "marketing",
      title: "T",
      body,
    });
  });

  it("accepts every default text", () => {
    for (const kind of CONSENT_KINDS) {
      expect(publishConsentDocumentInput.safeParse({ kind, ...DEFAULT_CONSENT_DOCUMENTS[kind] }).success).toBe(true);
    }
  });
});
