import fc from "fast-check";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { rankCondition, searchTerms, walkCondition } from "@/server/services/contacts/contact-search";
import { loadClientRecordsApi, signUpPractitioner, type Practitioner } from "./client-records-api";

let erin: Practitioner;
const NAMES = [
  "Élodie Marchand",
  "élodie marchand",
  "ÉLODIE MARCHAND",
  "Anna-Marie O'Neil",
  "Zoë Ng",
  "Ömer Şahin",
  "Straße Groß",
  "İlkay Yılmaz",
  "Mary  Annette",
  "50% Off_Client",
  "back\\slash",
  "Ann",
  "ann",
  "Joanne",
  "Marianne",
  "Dr. Mar Vel",
  "MAR",
  "ma r",
  "Łukasz Żak",
  "Nguyễn Văn A",
];

beforeAll(async () => {
  erin = await signUpPractitioner(await loadClientRecordsApi(), "Erin");
  await erin.sql(sql`insert into public.contacts (user_id, display_name)
                     select ${erin.id}::uuid, name from unnest(${`{${NAMES.map((name) => JSON.stringify(name)).join(",")}}`}::text[]) as name`);
});

describe("the two ways of matching names", () => {
  it("walk conditions match exactly what the indexed conditions match, accents and case ignored alike", async () => {
    const fragment = fc.oneof(
      fc
        .constantFrom(...NAMES)
        .chain((name) =>
          fc
            .tuple(fc.nat(name.length), fc.integer({ min: 1, max: 6 }))
            .map(([start, length]) => name.slice(start, start + length)),
        ),
      fc.string({ maxLength: 5 }),
    );
    await fc.assert(
      fc.asyncProperty(fragment, async (text) => {
        const terms = searchTerms(text);
        if (!terms) return;
        for (const rank of [0, 1] as const) {
          const ids = async (condition: ReturnType<typeof sql>) =>
            (
              await erin.sql<{ id: string }>(
                sql`select id from app_search.my_contacts c where ${condition} order by id`,
              )
            ).map((row) => row.id);
          expect(await ids(walkCondition(terms, rank)), `${JSON.stringify(text)} rank ${rank}`).toEqual(
            await ids(rankCondition(terms, rank)),
          );
        }
      }),
      { numRuns: 150 },
    );
  });
});
