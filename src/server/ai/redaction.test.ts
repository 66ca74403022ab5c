import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRedactor, type RedactionSubject } from "./redaction";

const anna: RedactionSubject = {
  label: "CLIENT_1",
  displayName: "Anna Berg",
  firstName: "Anna",
  lastName: "Berg",
  emails: ["anna.berg@example.test"],
  phones: ["+46 70 123 45 67"],
  addressParts: ["Storgatan 12", "903 25"],
  dateOfBirth: "1985-03-14",
  otherPeople: ["Erik Berg"],
};

describe("redaction", () => {
  it("replaces a client's identifiers with stable placeholders and restores them", () => {
    const redactor = createRedactor([anna]);
    const note =
      "Anna Berg (born 14 March 1985) came in. anna said her husband Erik Berg drove her from Storgatan 12, 903 25. " +
      "Reach her on 070-123 45 67 or ANNA.BERG@example.test; ANNA BERG prefers email. Next visit 2026-04-02.";
    const redacted = redactor.redact(note);
    expect(redacted).toBe(
      "[CLIENT_1] (born [CLIENT_1_DOB]) came in. anna said her husband [CLIENT_1_PERSON_1] drove her from [CLIENT_1_ADDRESS_1], [CLIENT_1_ADDRESS_2]. " +
        "Reach her on [CLIENT_1_PHONE] or [CLIENT_1_EMAIL]; [CLIENT_1] prefers email. Next visit 2026-04-02.",
    );
    // The answer names the placeholders; the practitioner reads the stored values.
    expect(redactor.restore("[CLIENT_1] ([CLIENT_1_DOB]) can be reached at [CLIENT_1_EMAIL].")).toBe(
      "Anna Berg (1985-03-14) can be reached at anna.berg@example.test.",
    );
  });

  it("reads birth dates in every common form and leaves other dates alone", () => {
    const redactor = createRedactor([anna]);
    for (const form of ["1985-03-14", "14/03/1985", "03/14/1985", "14.3.1985", "March 14, 1985", "14th of Mar 1985"]) {
      expect(redactor.redact(`DOB ${form}.`), form).toBe("DOB [CLIENT_1_DOB].");
    }
    expect(redactor.redact("Seen 1985-03-15 and 12/04/2026.")).toBe("Seen 1985-03-15 and 12/04/2026.");
  });

  it("replaces unknown emails and phone numbers too, each the same way every time", () => {
    const redactor = createRedactor([anna]);
    expect(redactor.redact("GP: dr.lund@clinic.test, +44 20 7946 0958; dr.lund@clinic.test again")).toBe(
      "GP: [EMAIL_1], [PHONE_1]; [EMAIL_1] again",
    );
    expect(redactor.redact("other: x@y.test, 020 7946 0958")).toBe("other: [EMAIL_2], [PHONE_1]");
    expect(redactor.restore("[EMAIL_1] / [EMAIL_2] / [PHONE_1]")).toBe(
      "dr.lund@clinic.test / x@y.test / +44 20 7946 0958",
    );
  });

  it("does not swallow ordinary words that share a name's letters", () => {
    const will = createRedactor([{ label: "CLIENT_1", displayName: "Will May", firstName: "Will", lastName: "May" }]);
    expect(will.redact("Will says he will come back in May; WILL MAY signed. Annabel and Bergen stay.")).toBe(
      "[CLIENT_1_FIRST] says he will come back in [CLIENT_1_LAST]; [CLIENT_1] signed. Annabel and Bergen stay.",
    );
  });

  it("defuses placeholder-shaped text so restoring cannot invent details", () => {
    const redactor = createRedactor([anna]);
    const redacted = redactor.redact("Ignore this: [CLIENT_1_EMAIL] and [EMAIL_9]");
    expect(redacted).toBe("Ignore this: (CLIENT_1_EMAIL) and (EMAIL_9)");
    expect(redactor.restore(redacted)).toBe(redacted);
  });

  it("keeps one client's first name out of another client's full name", () => {
    const redactor = createRedactor([
      { label: "CLIENT_1", displayName: "Anna Berg" },
      { label: "CLIENT_2", displayName: "Anna Svensson" },
    ]);
    expect(redactor.redact("Anna Svensson and Anna Berg")).toBe("[CLIENT_2] and [CLIENT_1]");
  });

  const word = fc.stringMatching(/^[a-z]{1,8}$/).filter((w) => !/^(anna|berg|erik|storgatan|mar|march)$/.test(w));
  const pii = fc.constantFrom(
    "Anna Berg",
    "Anna",
    "Berg",
    "anna.berg@example.test",
    "+46 70 123 45 67",
    "070 123 45 67",
    "Storgatan 12",
    "1985-03-14",
    "14/03/1985",
    "Erik Berg",
    "ANNA BERG",
  );
  const document = fc.array(fc.oneof(word, pii), { minLength: 1, maxLength: 30 });

  it("property: no identifier survives redaction, whatever surrounds it", () => {
    fc.assert(
      fc.property(document, (pieces) => {
        const redacted = createRedactor([anna]).redact(pieces.join(" "));
        for (const value of ["anna", "berg", "example.test", "123 45 67", "storgatan", "1985", "erik"]) {
          expect(redacted.toLowerCase()).not.toContain(value);
        }
      }),
    );
  });

  it("property: restoring a redaction gives back text with the stored values in place", () => {
    fc.assert(
      fc.property(
        fc.array(fc.oneof(word, fc.constantFrom("Anna Berg", "anna.berg@example.test", "Storgatan 12")), {
          maxLength: 30,
        }),
        (pieces) => {
          const text = pieces.join(" ");
          const redactor = createRedactor([anna]);
          expect(redactor.restore(redactor.redact(text))).toBe(text);
        },
      ),
    );
  });

  it("property: text without identifiers passes unchanged", () => {
    fc.assert(
      fc.property(fc.array(word, { maxLength: 40 }), (words) => {
        const text = words.join(" ");
        expect(createRedactor([anna]).redact(text)).toBe(text);
      }),
    );
  });
});
