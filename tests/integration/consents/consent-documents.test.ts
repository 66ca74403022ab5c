import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { DEFAULT_CONSENT_DOCUMENTS } from "@/lib/consent-defaults";
import { CONSENT_KINDS, type ConsentDocument } from "@/lib/contracts/consents";
import { expectError, temporaryDataDir } from "../auth/fixtures";
import { jsonFrom, loadConsentsApp, refusal, type ConsentsApp, type Practitioner } from "./consents-app";

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

let app: ConsentsApp;
let alice: Practitioner;

beforeAll(async () => {
  app = await loadConsentsApp(temporaryDataDir());
  alice = await app.signUp("Alice");
});

const publish = (body: unknown, who = () => alice) =>
  app.call(who(), app.routes.publishDocument, "POST", "/api/consent-documents", { body });
const versions = async (kind: string) =>
  (
    await jsonFrom<{ versions: ConsentDocument[] }>(
      await app.call(alice, app.routes.listVersions, "GET", `/api/consent-documents/${kind}/versions`, {
        params: { kind },
      }),
    )
  ).versions;

describe("consent documents", () => {
  it("the first read publishes version 1 of every kind from the default text, once", async () => {
    const documents = await app.currentDocuments(alice);
    expect(documents.map((document) => document.kind)).toEqual([...CONSENT_KINDS]);
    for (const document of documents) {
      expect(document).toMatchObject({
        version: 1,
        ...DEFAULT_CONSENT_DOCUMENTS[document.kind],
        required: document.kind === "data_processing",
        contentHash: sha256(DEFAULT_CONSENT_DOCUMENTS[document.kind].body),
      });
    }
    expect(await app.currentDocuments(alice)).toEqual(documents);
    const stored = await app.asSystem<{ n: number }>(
      sql`select count(*)::int as n from public.consent_documents where user_id = ${alice.id}`,
    );
    expect(stored[0]?.n).toBe(CONSENT_KINDS.length);
  });

  it("simultaneous first reads and publications never take the same version twice", async () => {
    const erin = await app.signUp("Erin");
    const reads = await Promise.all(Array.from({ length: 5 }, () => app.currentDocuments(erin)));
    for (const read of reads) expect(read).toEqual(reads[0]);
    const publications = await Promise.all(
      Array.from({ length: 5 }, (_, index) =>
        publish({ kind: "marketing", title: `Take ${index}`, body: `Body ${index}` }, () => erin),
      ),
    );
    expect(publications.map((response) => response.status)).toEqual([201, 201, 201, 201, 201]);
    const stored = await app.asSystem<{ version: number }>(
      sql`select version from public.consent_documents where user_id = ${erin.id} and kind = 'marketing' order by version`,
    );
    expect(stored.map((row) => row.version)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it("publishing adds the next version with the database's hash of the exact body, and an audit event", async () => {
    const body = "  Our new wording.\n\nWith a second paragraph, émojis 🙂 and trailing space.  ";
    const published = await jsonFrom<ConsentDocument>(
      await publish({ kind: "marketing", title: "Newsletter", body }),
      201,
    );
    expect(published).toMatchObject({ kind: "marketing", version: 2, title: "Newsletter", body, required: false });
    expect(published.contentHash).toBe(sha256(body));
    const [row] = await app.asSystem<{ hash: string }>(
      sql`select encode(sha256(convert_to(body, 'UTF8')), 'hex') as hash from public.consent_documents where id = ${published.id}`,
    );
    expect(row?.hash).toBe(published.contentHash);

    const current = await app.currentDocuments(alice);
    expect(current.find((document) => document.kind === "marketing")).toEqual(published);
    expect((await versions("marketing")).map((document) => document.version)).toEqual([2, 1]);

    const third = await jsonFrom<ConsentDocument>(
      await publish({ kind: "marketing", title: "Again", body: "v3" }),
      201,
    );
    expect(third.version).toBe(3);
    expect((await versions("marketing")).map((document) => [document.version, document.title])).toEqual([
      [3, "Again"],
      [2, "Newsletter"],
      [1, DEFAULT_CONSENT_DOCUMENTS.marketing.title],
    ]);

    const events = await app.asSystem<{ metadata: Record<string, unknown> }>(
      sql`select metadata from public.audit_events
          where user_id = ${alice.id} and action = 'consent_document.published' and target_id = ${published.id}`,
    );
    expect(events.map((event) => event.metadata)).toEqual([{ kind: "marketing", version: 2 }]);
  });

  it("publishing a kind before ever reading keeps the default as version 1", async () => {
    const carol = await app.signUp("Carol");
    const published = await jsonFrom<ConsentDocument>(
      await publish({ kind: "photography", title: "Photos", body: "Mine" }, () => carol),
      201,
    );
    expect(published.version).toBe(2);
  });

  it("refuses bad input with 422 and the one error shape, and publishes nothing", async () => {
    const before = await versions("data_processing");
    const bad: unknown[] = [
      {},
      { kind: "data_processing", title: "T" },
      { kind: "data_processing", body: "B" },
      { kind: "cookies", title: "T", body: "B" },
      { kind: "data_processing", title: "   ", body: "B" },
      { kind: "data_processing", title: "T", body: "   \n " },
      { kind: "data_processing", title: "T", body: "x".repeat(20_001) },
      { kind: "data_processing", title: "x".repeat(201), body: "B" },
      { kind: "data_processing", title: "T", body: "nul \u0000" },
      { kind: "data_processing", title: "T", body: 42 },
      [],
      null,
    ];
    for (const body of bad) {
      const error = await expectError(await publish(body), 422);
      expect(error.code, JSON.stringify(body)).toBe("validation_failed");
    }
    await expectError(
      await app.call(alice, app.routes.listVersions, "GET", "/api/consent-documents/cookies/versions", {
        params: { kind: "cookies" },
      }),
      422,
    );
    expect(await versions("data_processing")).toEqual(before);
  });

  it("without a session every route answers 401", async () => {
    const { TestBrowser } = await import("../../support/test-browser");
    const stranger = { id: alice.id, browser: new TestBrowser() };
    for (const [route, method, body] of [
      [app.routes.listDocuments, "GET", undefined],
      [app.routes.publishDocument, "POST", { kind: "marketing", title: "T", body: "B" }],
    ] as const) {
      await expectError(await app.call(stranger, route, method, "/api/consent-documents", { body }), 401);
    }
  });
});

describe("published versions never change", () => {
  it("UPDATE and DELETE are refused under row level security and for the owning role", async () => {
    const [document] = await app.currentDocuments(alice);
    if (!document) throw new Error("no document");
    const asAlice = (statement: ReturnType<typeof sql>) => app.asUser(alice.id, statement);
    // No grant: the authenticated role may not even try.
    expect(
      await refusal(asAlice(sql`update public.consent_documents set body = 'changed' where id = ${document.id}`)),
    ).toBe("42501");
    expect(await refusal(asAlice(sql`delete from public.consent_documents where id = ${document.id}`))).toBe("42501");
    // The owner (migrations, scripts, the privileged connection) is stopped by the trigger.
    for (const statement of [
      sql`update public.consent_documents set body = 'changed' where id = ${document.id}`,
      sql`update public.consent_documents set title = 'changed' where id = ${document.id}`,
      sql`delete from public.consent_documents where id = ${document.id}`,
      sql`truncate public.consent_documents cascade`,
    ]) {
      expect(await refusal(app.asSystem(statement))).toBe("55000");
    }
    expect((await app.currentDocuments(alice))[0]).toEqual(document);
  });

  it("the database refuses a skipped or repeated version, a wrong hash and a wrong required flag", async () => {
    const insert = (version: number, body: string, hash: string, kind = "photography", required = false) =>
      app.asUser(
        alice.id,
        sql`insert into public.consent_documents (user_id, kind, version, title, body, content_hash, required)
            values (${alice.id}, ${kind}, ${version}, 'T', ${body}, ${hash}, ${required})`,
      );
    const next = (await versions("photography"))[0]!.version + 1;
    expect(await refusal(insert(next + 1, "B", sha256("B")))).toBe("23505");
    expect(await refusal(insert(next - 1, "B", sha256("B")))).toBe("23505");
    expect(await refusal(insert(next, "B", sha256("B ")))).toBe("23514");
    expect(await refusal(insert(next, "B", sha256("B"), "photography", true))).toBe("23514");
    expect(await refusal(insert(1, "B", sha256("B"), "cookies"))).toBe("23514");
    expect(await refusal(insert(next, "B", sha256("B")))).toBeUndefined();
  });
});
