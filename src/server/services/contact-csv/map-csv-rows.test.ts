import { describe, expect, it } from "vitest";
import { LIFECYCLE_STAGES } from "@/lib/contracts/contacts";
import { suggestMapping } from "@/lib/csv-columns";
import { mapCsvRows } from "./map-csv-rows";
import { parseCsvFile } from "./parse-csv-file";

async function mapped(text: string, mapping?: (string | null)[]) {
  const table = await parseCsvFile(text);
  return mapCsvRows(table, mapping ?? suggestMapping(table.headers));
}

describe("mapping CSV rows onto clients", () => {
  it("reads every kind of column into the client contract, nested fields and lists included", async () => {
    const { candidates, errors } = await mapped(
      [
        "Display name,Email,Phone,Date of birth,Lifecycle stage,Tags,Address city,Health allergies,Preferences reminders opt-in,Created at,Last visit at",
        ' Maya Lin ,Maya@Example.com,+1 415 555 0134,1988-02-29,core client,"VIP; Prenatal",Oakland,"lavender; nuts",yes,2023-01-02T03:04:05.678Z,2024-03-01',
      ].join("\n"),
    );
    expect(errors).toEqual([]);
    expect(candidates).toEqual([
      {
        row: 2,
        contact: {
          displayName: "Maya Lin",
          email: "Maya@Example.com",
          phone: "+1 415 555 0134",
          dateOfBirth: "1988-02-29",
          lifecycleStage: "Core Client",
          address: { city: "Oakland" },
          healthContext: { allergies: ["lavender", "nuts"] },
          preferences: { remindersOptIn: true },
          lastVisitAt: "2024-03-01T00:00:00.000Z",
          source: "import",
        },
        tags: ["VIP", "Prenatal"],
        createdAt: "2023-01-02T03:04:05.678Z",
        note: null,
      },
    ]);
  });

  it("makes the display name from first and last name when the file has none", async () => {
    const { candidates } = await mapped("First name,Last name\nMaya,Lin\n,Sam\n");
    expect(candidates.map((candidate) => candidate.contact.displayName)).toEqual(["Maya Lin", "Sam"]);
  });

  it("reports each invalid value with its row, field and column, and leaves that row out", async () => {
    const { candidates, errors } = await mapped(
      "Name,E-mail,Birthday,Stage,Reminders\nMaya,not-an-email,1988-02-30,Gold,maybe\n,,,,\nSam,sam@example.com,,,\n,x@example.com,,,\n",
    );
    expect(candidates.map((candidate) => candidate.row)).toEqual([4]);
    expect(errors).toEqual([
      { row: 2, field: "lifecycleStage", column: "Stage", message: `Use one of: ${LIFECYCLE_STAGES.join(", ")}` },
      { row: 2, field: "preferences.remindersOptIn", column: "Reminders", message: "Use yes or no" },
      { row: 2, field: "email", column: "E-mail", message: "Enter a valid email address" },
      { row: 2, field: "dateOfBirth", column: "Birthday", message: "Invalid ISO date" },
      { row: 5, field: "displayName", column: "Name", message: "Enter a name" },
    ]);
  });

  it("ignores unmapped columns and refuses the source of a row only when it is not a known one", async () => {
    const { candidates, errors } = await mapped("Name,Source,Secret\nMaya,Intake,x\nSam,fax,y\n", [
      "displayName",
      "source",
      null,
    ]);
    expect(candidates).toMatchObject([{ row: 2, contact: { displayName: "Maya", source: "intake" } }]);
    expect(errors).toMatchObject([{ row: 3, field: "source", column: "Source" }]);
  });

  it("checks tags and the added date with the tag and instant contracts", async () => {
    const { errors } = await mapped(`Name,Tags,Created at\nMaya,${"x".repeat(61)},yesterday\n`);
    expect(errors.map((error) => error.field)).toEqual(["tags", "createdAt"]);
  });
});
