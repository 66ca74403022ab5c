import { describe, expect, it } from "vitest";
import type { ImportCandidate } from "./map-csv-rows";
import { planCsvImport } from "./plan-csv-import";

const candidate = (row: number, email?: string, phone?: string): ImportCandidate => ({
  row,
  contact: { displayName: `Row ${row}`, email: email ?? null, phone: phone ?? null },
  tags: [],
  createdAt: null,
  note: null,
});

const EXISTING_ID = "00000000-0000-4000-8000-000000000001";
const defaults = { duplicateActions: {}, defaultDuplicateAction: "skip" as const };

describe("planning an import", () => {
  it("creates rows that match nobody", () => {
    const plan = planCsvImport([candidate(2, "a@example.com"), candidate(3, undefined, "555 0101")], [], defaults);
    expect(plan.map((step) => step.kind)).toEqual(["create", "create"]);
  });

  it("finds duplicates within the file by normalised email, then by phone digits", () => {
    const plan = planCsvImport(
      [
        candidate(2, "maya@example.com", "(415) 555-0134"),
        candidate(3, "MAYA@example.com"),
        candidate(4, "other@example.com", "415.555.0134"),
        candidate(5),
      ],
      [],
      defaults,
    );
    expect(plan.map((step) => [step.kind, "matchedOn" in step ? step.matchedOn : null])).toEqual([
      ["create", null],
      ["skip", "email"],
      ["skip", "phone"],
      ["create", null],
    ]);
    expect(plan[1]).toMatchObject({ target: { kind: "row", row: 2 } });
  });

  it("prefers a client already on file, and applies the action chosen for each row over the default", () => {
    const plan = planCsvImport(
      [candidate(2, "maya@example.com"), candidate(3, "maya@example.com"), candidate(4, "maya@example.com")],
      [{ index: 0, duplicateId: EXISTING_ID, matchedOn: "email" }],
      { duplicateActions: { "2": "merge" }, defaultDuplicateAction: "skip" },
    );
    expect(plan.map((step) => step.kind)).toEqual(["merge", "skip", "skip"]);
    expect(plan[0]).toMatchObject({ target: { kind: "existing", contactId: EXISTING_ID } });
    // Row 3 matches the client row 2 merged into, not a row of its own.
    expect(plan[1]).toMatchObject({ target: { kind: "existing", contactId: EXISTING_ID } });
  });

  it("lets a merged row's phone lead later rows to the same client; a skipped row leads nowhere", () => {
    const plan = planCsvImport(
      [
        candidate(2, "maya@example.com"),
        candidate(3, "maya@example.com", "555 0101"),
        candidate(4, undefined, "5550101"),
        candidate(5, "sam@example.com", "555 0199"),
        candidate(6, "x@example.com", "5550199"),
      ],
      [{ index: 3, duplicateId: EXISTING_ID, matchedOn: "email" }],
      { duplicateActions: { "3": "merge", "5": "skip" }, defaultDuplicateAction: "merge" },
    );
    expect(plan.map((step) => step.kind)).toEqual(["create", "merge", "merge", "skip", "create"]);
    expect(plan[2]).toMatchObject({ matchedOn: "phone", target: { kind: "row", row: 2 } });
  });
});
