import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ConsentDocument } from "@/lib/contracts/consents";
import { expectError, temporaryDataDir } from "../auth/fixtures";
import { jsonFrom, loadConsentsApp, refusal, type ConsentsApp, type Practitioner } from "./consents-app";

let app: ConsentsApp;
let alice: Practitioner;
let bob: Practitioner;
let clientId: string;
let aliceDocuments: ConsentDocument[];
let consentId: string;

beforeAll(async () => {
  app = await loadConsentsApp(temporaryDataDir());
  alice = await app.signUp("Alice");
  bob = await app.signUp("Bob");
  clientId = await app.addClient(alice, "Alice's Client");
  await app.call(alice, app.routes.publishDocument, "POST", "/api/consent-documents", {
    body: { kind: "marketing", title: "Alice's newsletter", body: "Alice's words" },
  });
  aliceDocuments = await app.currentDocuments(alice);
  consentId = (await app.grantAll(alice, clientId))[0]!.id;
});

/** Everything of Alice's consent data, as the privileged connection sees it. */
async function aliceRecords() {
  return {
    documents: await app.asSystem(sql`select * from public.consent_documents where user_id = ${alice.id} order by id`),
    consents: await app.asSystem(sql`select * from public.client_consents where user_id = ${alice.id} order by id`),
  };
}

describe("consents of one practitioner are invisible to another", () => {
  it("every client route answers 404 to Bob for Alice's client, and nothing of Alice's changes", async () => {
    const before = await aliceRecords();
    const attempts = [
      app.call(bob, app.routes.listConsents, "GET", `/api/contacts/${clientId}/consents`, { params: { id: clientId } }),
      app.call(bob, app.routes.withdraw, "POST", `/api/contacts/${clientId}/consents/withdraw`, {
        params: { id: clientId },
        body: { kind: "data_processing" },
      }),
      app.call(bob, app.routes.getConsent, "GET", `/api/contacts/${clientId}/consents/${consentId}`, {
        params: { id: clientId, consentId },
      }),
    ];
    for (const response of await Promise.all(attempts)) {
      expect((await expectError(response, 404)).message).toMatch(/not found/);
    }
    expect(await aliceRecords()).toEqual(before);
  });

  it("Bob's document routes show and change only his own documents", async () => {
    const before = await aliceRecords();
    const bobs = await app.currentDocuments(bob);
    expect(bobs.map((document) => document.id).filter((id) => aliceDocuments.some((mine) => mine.id === id))).toEqual(
      [],
    );
    expect(bobs.find((document) => document.kind === "marketing")?.version).toBe(1);
    const published = await jsonFrom<ConsentDocument>(
      await app.call(bob, app.routes.publishDocument, "POST", "/api/consent-documents", {
        body: { kind: "marketing", title: "Bob's", body: "Bob's words" },
      }),
      201,
    );
    expect(published.version).toBe(2);
    const versions = await jsonFrom<{ versions: ConsentDocument[] }>(
      await app.call(bob, app.routes.listVersions, "GET", "/api/consent-documents/marketing/versions", {
        params: { kind: "marketing" },
      }),
    );
    expect(versions.versions.map((document) => document.title)).not.toContain("Alice's newsletter");
    expect(await aliceRecords()).toEqual(before);
  });

  it("directly under row level security Bob reads, changes and adds nothing of Alice's", async () => {
    const before = await aliceRecords();
    const asBob = <Row>(statement: ReturnType<typeof sql>) => app.asUser<Row>(bob.id, statement);
    const document = aliceDocuments[0]!;

    expect(await asBob(sql`select id from public.consent_documents where user_id = ${alice.id}`)).toEqual([]);
    expect(await asBob(sql`select id from public.client_consents`)).toEqual([]);
    // Under Bob's row level security the database cannot see Alice's version, so either owner is refused.
    for (const owner of [bob.id, alice.id]) {
      expect(
        await refusal(
          asBob(sql`insert into public.client_consents
                      (user_id, contact_id, document_id, document_hash, kind, decision, signature_name, source)
                    values (${owner}, ${clientId}, ${document.id}, ${document.contentHash}, ${document.kind},
                            'withdrawn', 'Bob', 'practitioner')`),
        ),
      ).toBe("23503");
    }
    expect(
      await refusal(
        asBob(sql`insert into public.consent_documents (user_id, kind, version, title, body, content_hash, required)
                  values (${alice.id}, 'photography', 1, 'T', 'B', encode(sha256('B'::bytea), 'hex'), false)`),
      ),
    ).toBe("42501");
    expect(await aliceRecords()).toEqual(before);
  });

  it("the intake path refuses another practitioner's document or client", async () => {
    const before = await aliceRecords();
    const bobClient = await app.addClient(bob, "Bob's Client");
    const bobDocuments = await app.currentDocuments(bob);
    const append = async (userId: string, contactId: string, documentId: string) => {
      try {
        await app.database.withSystemDb("consents-test", (tx) =>
          app.consents.appendClientConsents(tx, userId, [
            { contactId, documentId, decision: "granted", signatureName: "Mallory", source: "intake" },
          ]),
        );
      } catch (error) {
        return (error as { code?: string }).code;
      }
      return undefined;
    };
    expect(await append(bob.id, bobClient, aliceDocuments[0]!.id)).toBe("conflict");
    expect(await append(bob.id, clientId, bobDocuments[0]!.id)).toBe("not_found");
    expect(await append(alice.id, bobClient, aliceDocuments[0]!.id)).toBe("not_found");
    expect(await aliceRecords()).toEqual(before);
  });
});
