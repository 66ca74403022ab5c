import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { ClientConsent, ClientConsentDetail, ConsentDocument } from "@/lib/contracts/consents";
import { expectError, temporaryDataDir } from "../auth/fixtures";
import { jsonFrom, loadConsentsApp, refusal, type ConsentsApp, type Practitioner } from "./consents-app";

let app: ConsentsApp;
let alice: Practitioner;

beforeAll(async () => {
  app = await loadConsentsApp(temporaryDataDir());
  alice = await app.signUp("Alice");
});

const withdraw = (contactId: string, body: unknown) =>
  app.call(alice, app.routes.withdraw, "POST", `/api/contacts/${contactId}/consents/withdraw`, {
    params: { id: contactId },
    body,
  });

/** The AppError code an append is refused with. */
async function appendRefusal(records: Parameters<ConsentsApp["consents"]["appendClientConsents"]>[2]) {
  try {
    await app.database.withSystemDb("consents-test", (tx) => app.consents.appendClientConsents(tx, alice.id, records));
  } catch (error) {
    // The app's modules are loaded afresh for this data dir, so the class is matched by name.
    if (error instanceof Error && error.name === "AppError") return (error as Error & { code: string }).code;
    throw error;
  }
  return undefined;
}

describe("client consent records", () => {
  it("an intake stores each answer on the exact version, with hash, signature, IP and user agent", async () => {
    const clientId = await app.addClient(alice, "Intake Client");
    const documents = await app.currentDocuments(alice);
    const written = await app.grantAll(alice, clientId, ["marketing"]);
    expect(written).toHaveLength(documents.length);

    const history = await app.history(alice, clientId);
    expect(history).toHaveLength(documents.length);
    for (const document of documents) {
      const record = history.find((entry) => entry.kind === document.kind);
      expect(record).toMatchObject({
        contactId: clientId,
        documentId: document.id,
        documentHash: document.contentHash,
        documentVersion: document.version,
        documentTitle: document.title,
        decision: document.kind === "marketing" ? "declined" : "granted",
        signatureName: "Casey Client",
        signatureImage: null,
        source: "intake",
        ip: "203.0.113.7",
        userAgent: "IntakeTest/1.0",
      });
    }

    const actions = await app.asSystem<{ action: string; metadata: Record<string, unknown> }>(
      sql`select action, metadata from public.audit_events
          where user_id = ${alice.id} and action like 'consent.%' and metadata->>'contactId' = ${clientId}`,
    );
    // Marketing declined; every other kind granted.
    expect(actions.map((event) => event.action).sort()).toEqual([
      "consent.declined",
      ...documents.slice(1).map(() => "consent.granted"),
    ]);
    // Ids and kinds only: no names, signatures or network details in the metadata.
    expect(JSON.stringify(actions)).not.toMatch(/Casey|203\.0\.113|IntakeTest/);
  });

  it("withdrawing adds a record naming the granted version; earlier records stay as they were", async () => {
    const clientId = await app.addClient(alice, "Withdraw Client");
    await app.grantAll(alice, clientId);
    const before = await app.history(alice, clientId);
    const granted = before.find((record) => record.kind === "photography");

    const withdrawal = await jsonFrom<ClientConsent>(await withdraw(clientId, { kind: "photography" }), 201);
    expect(withdrawal).toMatchObject({
      kind: "photography",
      decision: "withdrawn",
      source: "practitioner",
      documentId: granted?.documentId,
      documentHash: granted?.documentHash,
      signatureName: null,
    });
    const after = await app.history(alice, clientId);
    expect(after[0]).toEqual(withdrawal);
    expect(after.slice(1)).toEqual(before);

    const again = await expectError(await withdraw(clientId, { kind: "photography" }), 409);
    expect(again.message).toBe("Photography consent is not currently granted");
    const events = await app.asSystem(
      sql`select 1 from public.audit_events where action = 'consent.withdrawn' and target_id = ${withdrawal.id}`,
    );
    expect(events).toHaveLength(1);
  });

  it("withdrawing what was declined or never given is refused, and bad bodies are 422", async () => {
    const clientId = await app.addClient(alice, "Declined Client");
    await expectError(await withdraw(clientId, { kind: "marketing" }), 409);
    await app.grantAll(alice, clientId, ["marketing"]);
    await expectError(await withdraw(clientId, { kind: "marketing" }), 409);
    for (const body of [{}, { kind: "cookies" }, { kind: 1 }, null, []]) {
      expect((await expectError(await withdraw(clientId, body), 422)).code).toBe("validation_failed");
    }
    const badId = await app.call(alice, app.routes.withdraw, "POST", "/api/contacts/not-a-uuid/consents/withdraw", {
      params: { id: "not-a-uuid" },
      body: { kind: "marketing" },
    });
    await expectError(badId, 422);
    expect(await app.history(alice, clientId)).toHaveLength((await app.currentDocuments(alice)).length);
  });

  it("a superseded version, a repeated kind, a declined required consent and bad fields are refused", async () => {
    const clientId = await app.addClient(alice, "Refused Client");
    const [dataProcessing] = await app.currentDocuments(alice);
    if (!dataProcessing) throw new Error("no document");
    const record = {
      contactId: clientId,
      documentId: dataProcessing.id,
      decision: "granted" as const,
      signatureName: "Casey Client",
      source: "intake" as const,
    };
    expect(await appendRefusal([record, record])).toBe("validation_failed");
    expect(await appendRefusal([{ ...record, decision: "declined" }])).toBe("validation_failed");
    expect(await appendRefusal([{ ...record, signatureName: "  " }])).toBe("validation_failed");
    expect(await appendRefusal([{ ...record, signatureImage: "data:image/svg+xml;base64,PHN2Zz4=" }])).toBe(
      "validation_failed",
    );
    expect(await appendRefusal([{ ...record, signatureImage: `data:image/png;base64,${"A".repeat(200_000)}` }])).toBe(
      "validation_failed",
    );
    expect(await appendRefusal([])).toBe("validation_failed");
    expect(await appendRefusal([{ ...record, documentId: crypto.randomUUID() }])).toBe("conflict");
    expect(await appendRefusal([{ ...record, contactId: crypto.randomUUID() }])).toBe("not_found");

    await jsonFrom<ConsentDocument>(
      await app.call(alice, app.routes.publishDocument, "POST", "/api/consent-documents", {
        body: { kind: "data_processing", title: "Updated", body: "New terms" },
      }),
      201,
    );
    // The client saw version 1; it is no longer current, so they must see the new text first.
    expect(await appendRefusal([record])).toBe("conflict");
    expect(await app.history(alice, clientId)).toEqual([]);

    const signature = `data:image/png;base64,${"iVBORw0KGgo".padEnd(400, "A")}`;
    const [current] = await app.currentDocuments(alice);
    expect(await appendRefusal([{ ...record, documentId: current!.id, signatureImage: signature }])).toBeUndefined();
    const [stored] = await app.history(alice, clientId);
    expect(stored).toMatchObject({ documentVersion: 2, documentTitle: "Updated", signatureImage: signature });
  });

  it("one record reads back with the full text of its version", async () => {
    const clientId = await app.addClient(alice, "Print Client");
    await app.grantAll(alice, clientId);
    const [record] = await app.history(alice, clientId);
    if (!record) throw new Error("no record");
    const detail = await jsonFrom<ClientConsentDetail>(
      await app.call(alice, app.routes.getConsent, "GET", `/api/contacts/${clientId}/consents/${record.id}`, {
        params: { id: clientId, consentId: record.id },
      }),
    );
    const document = (await app.currentDocuments(alice)).find((entry) => entry.id === record.documentId);
    expect(detail).toEqual({ ...record, documentBody: document?.body });

    const otherClient = await app.addClient(alice, "Other Client");
    await expectError(
      await app.call(alice, app.routes.getConsent, "GET", `/api/contacts/${otherClient}/consents/${record.id}`, {
        params: { id: otherClient, consentId: record.id },
      }),
      404,
    );
  });
});

describe("consent records are append-only", () => {
  it("the app's roles may only read and append consent documents and records", async () => {
    const privileges = await app.asSystem<{ role: string; table: string; privilege: string; granted: boolean }>(
      sql`select r as role, t as table, p as privilege, has_table_privilege(r, t, p) as granted
          from unnest(array['anon', 'authenticated']) r,
               unnest(array['public.consent_documents', 'public.client_consents']) t,
               unnest(array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) p`,
    );
    const granted = privileges.filter((row) => row.granted).map((row) => `${row.role} ${row.privilege} ${row.table}`);
    expect(granted.sort()).toEqual([
      "authenticated INSERT public.client_consents",
      "authenticated INSERT public.consent_documents",
      "authenticated SELECT public.client_consents",
      "authenticated SELECT public.consent_documents",
    ]);
  });

  it("UPDATE and DELETE are refused under row level security and for the owning role", async () => {
    const clientId = await app.addClient(alice, "Append Client");
    await app.grantAll(alice, clientId);
    const before = await app.history(alice, clientId);
    const id = before[0]!.id;
    const asAlice = (statement: ReturnType<typeof sql>) => app.asUser(alice.id, statement);
    expect(await refusal(asAlice(sql`update public.client_consents set decision = 'declined' where id = ${id}`))).toBe(
      "42501",
    );
    expect(await refusal(asAlice(sql`delete from public.client_consents where id = ${id}`))).toBe("42501");
    for (const statement of [
      sql`update public.client_consents set decision = 'declined' where id = ${id}`,
      sql`update public.client_consents set recorded_at = now() - interval '1 year' where id = ${id}`,
      sql`delete from public.client_consents where id = ${id}`,
      sql`truncate public.client_consents`,
    ]) {
      expect(await refusal(app.asSystem(statement))).toBe("55000");
    }
    expect(await app.history(alice, clientId)).toEqual(before);
  });

  it("the database refuses a record whose hash or kind does not match its version, and dates it itself", async () => {
    const clientId = await app.addClient(alice, "Hash Client");
    const [document] = await app.currentDocuments(alice);
    if (!document) throw new Error("no document");
    const insert = (hash: string, kind: string, source = "intake", name: string | null = "Casey") =>
      app.asUser<{ recorded_at: string }>(
        alice.id,
        sql`insert into public.client_consents
              (user_id, contact_id, document_id, document_hash, kind, decision, signature_name, source, recorded_at)
            values (${alice.id}, ${clientId}, ${document.id}, ${hash}, ${kind}, 'granted', ${name}, ${source},
                    now() - interval '3 years')
            returning recorded_at::text`,
      );
    expect(await refusal(insert("0".repeat(64), document.kind))).toBe("23503");
    expect(await refusal(insert(document.contentHash, "marketing"))).toBe("23503");
    expect(await refusal(insert(document.contentHash, document.kind, "intake", null))).toBe("23514");
    const [row] = await insert(document.contentHash, document.kind);
    expect(Date.parse(row?.recorded_at ?? "")).toBeGreaterThan(Date.now() - 60_000);
  });

  it("erasing the client removes its consent records, and nothing else", async () => {
    const keptId = await app.addClient(alice, "Kept Client");
    const erasedId = await app.addClient(alice, "Erased Client");
    await app.grantAll(alice, keptId);
    await app.grantAll(alice, erasedId);
    await jsonFrom<ClientConsent>(await withdraw(erasedId, { kind: "marketing" }), 201);
    const kept = await app.history(alice, keptId);

    await app.contactsService.deleteContact({ userId: alice.id }, { id: erasedId });
    const left = await app.asSystem(sql`select id from public.client_consents where contact_id = ${erasedId}`);
    expect(left).toEqual([]);
    expect(await app.history(alice, keptId)).toEqual(kept);
    await expectError(
      await app.call(alice, app.routes.listConsents, "GET", `/api/contacts/${erasedId}/consents`, {
        params: { id: erasedId },
      }),
      404,
    );
  });

  it("merging two clients moves the duplicate's consent records to the client kept, unchanged", async () => {
    const keptId = await app.addClient(alice, "Merge Kept");
    const duplicateId = await app.addClient(alice, "Merge Duplicate");
    await app.grantAll(alice, duplicateId);
    const moved = await app.history(alice, duplicateId);
    expect(moved.length).toBeGreaterThan(0);

    const merged = await app.contactsService.mergeContacts(
      { userId: alice.id },
      { id: keptId, duplicateId, fields: {} },
    );
    expect(merged.merged.consentsMoved).toBe(moved.length);
    expect(await app.history(alice, keptId)).toEqual(moved.map((record) => ({ ...record, contactId: keptId })));
    const left = await app.asSystem(sql`select id from public.client_consents where contact_id = ${duplicateId}`);
    expect(left).toEqual([]);
  });

  it("a consent record cannot be moved to another practitioner's client", async () => {
    const mine = await app.addClient(alice, "Move Mine");
    await app.grantAll(alice, mine);
    const before = await app.history(alice, mine);
    const [record] = before;
    const erin = await app.signUp("Erin");
    const theirs = await app.addClient(erin, "Move Theirs");
    const move = sql`update public.client_consents set contact_id = ${theirs} where id = ${record!.id}`;
    expect(await refusal(app.asUser(alice.id, move))).toBe("23503");
    expect(await refusal(app.asSystem(move))).toBe("23503");
    expect(await app.history(alice, mine)).toEqual(before);
  });

  it("deleting the account removes its documents and consent records", async () => {
    const dana = await app.signUp("Dana");
    const clientId = await app.addClient(dana, "Dana's Client");
    await app.grantAll(dana, clientId);
    await app.asSystem(sql`delete from auth.users where id = ${dana.id}`);
    for (const table of [sql`public.consent_documents`, sql`public.client_consents`]) {
      expect(await app.asSystem(sql`select id from ${table} where user_id = ${dana.id}`)).toEqual([]);
    }
  });
});
