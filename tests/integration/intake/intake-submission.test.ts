import fs from "node:fs";
import path from "node:path";
import { sql } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it, vi } from "vitest";
import type { IntakeLink, IntakeLinkListResponse } from "@/lib/contracts/intake";
import {
  consentAnswers,
  createLink,
  expectUnavailable,
  intakeForm,
  intakeSnapshot,
  loadIntakeApi,
  signUpPractitioner,
  submit,
  systemRows,
  type IntakeApi,
  type Practitioner,
} from "./intake-api";

let api: IntakeApi;
let alice: Practitioner;
let dataDir: string;

beforeAll(async () => {
  api = await loadIntakeApi();
  dataDir = process.env.DATA_DIR ?? "";
  alice = await signUpPractitioner(api, "Alice");
});

async function validForm(overrides: Parameters<typeof intakeForm>[0] = {}) {
  return intakeForm({ consents: await consentAnswers(alice.id, ["marketing"]), ...overrides });
}

async function linkStatus(id: string): Promise<IntakeLink | undefined> {
  const list = await alice.expect<IntakeLinkListResponse>(200, "GET", "/api/intake-links");
  return list.items.find((link) => link.id === id);
}

function storedPhotos(userId: string): string[] {
  const folder = path.join(dataDir, "storage", "objects", "photos", userId);
  return fs.existsSync(folder)
    ? fs
        .readdirSync(folder, { recursive: true })
        .map(String)
        .filter((f) => f.endsWith(".webp"))
    : [];
}

const jpeg = () =>
  sharp({ create: { width: 32, height: 24, channels: 3, background: { r: 200, g: 120, b: 40 } } })
    .jpeg()
    .withMetadata({ exif: { IFD0: { Copyright: "fixture" } } })
    .toBuffer()
    .then((buffer) => new Uint8Array(buffer));

describe("a submission", () => {
  it("creates the client, its consents, photo and audit event, and uses the link up", async () => {
    const { link, token } = await createLink(alice);
    const result = await submit(api, token, await validForm(), { photo: await jpeg() });
    expect(result).toEqual({ status: 201, body: { submitted: true } });

    const [client] = await systemRows<Record<string, unknown>>(
      sql`select * from public.contacts where user_id = ${alice.id} and email = 'rosa@example.com'`,
    );
    expect(client).toMatchObject({
      display_name: "Rosa Lindqvist",
      first_name: "Rosa",
      source: "intake",
      phone: "+46 70 123 4567",
      health_context: { conditions: ["asthma"], allergies: ["latex"], medications: [], contraindications: [] },
    });
    expect(String(client?.photo_path)).toMatch(
      new RegExp(`^photos/${alice.id}/${String(client?.id)}/[0-9a-f]{32}\\.webp$`),
    );
    const { getObject, objectBytes } = await import("@/server/storage");
    const stored = await sharp(await objectBytes(await getObject(String(client?.photo_path)))).metadata();
    expect(stored.format).toBe("webp");
    expect(stored.exif).toBeUndefined();

    const consents = await systemRows<{ kind: string; decision: string; signature_name: string; source: string }>(
      sql`select kind, decision, signature_name, source from public.client_consents where contact_id = ${String(client?.id)} order by kind`,
    );
    expect(consents).toEqual([
      { kind: "ai_processing", decision: "declined", signature_name: "Rosa Lindqvist", source: "intake" },
      { kind: "data_processing", decision: "granted", signature_name: "Rosa Lindqvist", source: "intake" },
      { kind: "health_information_sharing", decision: "declined", signature_name: "Rosa Lindqvist", source: "intake" },
      { kind: "marketing", decision: "granted", signature_name: "Rosa Lindqvist", source: "intake" },
      { kind: "photography", decision: "declined", signature_name: "Rosa Lindqvist", source: "intake" },
    ]);
    const [audit] = await systemRows<{ metadata: Record<string, unknown> }>(
      sql`select metadata from public.audit_events where action = 'intake.submitted' and target_id = ${String(client?.id)}`,
    );
    expect(audit?.metadata).toEqual({
      intakeLinkId: link.id,
      photo: true,
      consentsGranted: 2,
      consentsDeclined: 3,
      possibleDuplicateId: null,
    });
    expect(await linkStatus(link.id)).toMatchObject({ status: "used_up", usedCount: 1 });
    expectUnavailable(await submit(api, token, await validForm()));
  });

  it("from a returning client creates a second record and points the audit event at the first", async () => {
    const first = await createLink(alice);
    const second = await createLink(alice);
    const form = await validForm({ email: "Returning@Example.com" });
    expect((await submit(api, first.token, form)).status).toBe(201);
    expect((await submit(api, second.token, { ...form, email: "returning@example.com " })).status).toBe(201);
    const rows = await systemRows<{ id: string }>(
      sql`select id from public.contacts where user_id = ${alice.id} and email_normalized = 'returning@example.com' order by created_at`,
    );
    expect(rows).toHaveLength(2);
    const [audit] = await systemRows<{ metadata: Record<string, unknown> }>(
      sql`select metadata from public.audit_events where action = 'intake.submitted' and target_id = ${rows[1]?.id ?? ""}`,
    );
    expect(audit?.metadata.possibleDuplicateId).toBe(rows[0]?.id);
  });
});

describe("tokens that cannot be used", () => {
  it("unknown, malformed, expired, used-up and revoked tokens all get the same answer, and nothing is written", async () => {
    const expired = await createLink(alice);
    await systemRows(sql`update public.intake_links
      set created_at = now() - interval '80 hours', expires_at = now() - interval '8 hours' where id = ${expired.link.id}`);
    const usedUp = await createLink(alice);
    await systemRows(sql`update public.intake_links set used_count = 1 where id = ${usedUp.link.id}`);
    const revoked = await createLink(alice);
    await alice.expect(200, "POST", `/api/intake-links/${revoked.link.id}/revoke`);
    const unknown = "A".repeat(43);
    const before = await intakeSnapshot(alice.id);
    const answers: unknown[] = [];
    for (const token of [unknown, "short", expired.token, usedUp.token, revoked.token]) {
      const result = await submit(api, token, await validForm());
      expectUnavailable(result);
      answers.push({ ...(result.body as { error: object }).error, requestId: undefined });
    }
    expect(new Set(answers.map((answer) => JSON.stringify(answer))).size).toBe(1);
    expect(await intakeSnapshot(alice.id)).toEqual(before);

    const { openIntakeForm } = await import("@/server/services/intake");
    for (const token of [unknown, "short", expired.token, usedUp.token, revoked.token]) {
      expect(await openIntakeForm({ token })).toBeNull();
    }
  });
});

describe("twenty concurrent submissions on a one-use link", () => {
  it("exactly one succeeds; the others are told the link is no longer valid", async () => {
    const { link, token } = await createLink(alice);
    const form = await validForm({ email: "race@example.com" });
    const results = await Promise.all(Array.from({ length: 20 }, () => submit(api, token, form)));
    expect(results.filter((result) => result.status === 201)).toHaveLength(1);
    for (const result of results.filter((r) => r.status !== 201)) expectUnavailable(result);
    const rows = await systemRows(
      sql`select id from public.contacts where user_id = ${alice.id} and email = 'race@example.com'`,
    );
    expect(rows).toHaveLength(1);
    expect(await linkStatus(link.id)).toMatchObject({ usedCount: 1, status: "used_up" });
  });
});

describe("refused input writes nothing and leaves the link usable", () => {
  it("answers 4xx for invalid answers, missing consents, a bad photo and malformed bodies", async () => {
    const { link, token } = await createLink(alice);
    const documents = await consentAnswers(alice.id);
    const before = await intakeSnapshot(alice.id);
    const photosBefore = storedPhotos(alice.id);
    const cases: [string, unknown, { photo?: Uint8Array }, number][] = [
      ["bad email", await validForm({ email: "not an email" }), {}, 422],
      ["unknown field", { ...(await validForm()), role: "admin" }, {}, 422],
      ["no signature", { ...(await validForm()), signature: { typedName: "" } }, {}, 422],
      [
        "data processing declined",
        await validForm({ consents: documents.map((d) => ({ ...d, granted: false })) }),
        {},
        422,
      ],
      ["an answer missing", await validForm({ consents: documents.slice(0, 1) }), {}, 422],
      [
        "a foreign document",
        await validForm({ consents: [...documents, { documentId: crypto.randomUUID(), granted: true }] }),
        {},
        409,
      ],
      ["a script named .jpg", await validForm(), { photo: new TextEncoder().encode("#!/bin/sh\nrm -rf /\n") }, 415],
      // The photo is stored before the transaction, so a failure inside it must remove the file again.
      [
        "a failing transaction after the photo",
        await validForm({ consents: documents.slice(0, 1) }),
        { photo: await jpeg() },
        422,
      ],
    ];
    for (const [name, form, options, status] of cases) {
      const result = await submit(api, token, form, options);
      expect(result.status, `${name}: ${JSON.stringify(result.body)}`).toBe(status);
    }
    expect(await intakeSnapshot(alice.id)).toEqual(before);
    expect(storedPhotos(alice.id)).toEqual(photosBefore);
    expect(await linkStatus(link.id)).toMatchObject({ status: "active", usedCount: 0 });
  });

  it("refuses a body that is not multipart (415), has no payload (422), or is not JSON (400)", async () => {
    const { token } = await createLink(alice);
    const post = (body: BodyInit, headers: Record<string, string> = {}) =>
      api.submitRoute(new Request(`http://localhost/api/onboard/${token}`, { method: "POST", body, headers }), {
        params: Promise.resolve({ token }),
      });
    expect((await post(JSON.stringify(await validForm()), { "content-type": "application/json" })).status).toBe(415);
    const empty = new FormData();
    empty.set("other", "x");
    expect((await post(empty)).status).toBe(422);
    const broken = new FormData();
    broken.set("payload", "{not json");
    expect((await post(broken)).status).toBe(400);
    const huge = new FormData();
    huge.set("payload", "{}");
    huge.set("photo", new Blob([new Uint8Array(9 * 1024 * 1024)]), "big.jpg");
    expect((await post(huge)).status).toBe(413);
  });
});

describe("the honeypot", () => {
  it("answers a filled honeypot like a success and writes nothing", async () => {
    const { link, token } = await createLink(alice);
    const before = await intakeSnapshot(alice.id);
    const result = await submit(api, token, await validForm({ website: "http://spam.example" }));
    expect(result).toEqual({ status: 201, body: { submitted: true } });
    expect(await intakeSnapshot(alice.id)).toEqual(before);
    expect(await linkStatus(link.id)).toMatchObject({ status: "active", usedCount: 0 });
  });
});

describe("rate limits", () => {
  it("meters submissions per IP", async () => {
    const token = "B".repeat(43);
    const form = await validForm();
    for (let i = 0; i < 10; i += 1) expectUnavailable(await submit(api, token, form, { ip: "192.0.2.77" }));
    const limited = await submit(api, token, form, { ip: "192.0.2.77" });
    expect(limited.status).toBe(429);
    expectUnavailable(await submit(api, token, form, { ip: "192.0.2.78" }));
  });

  it("meters submissions per token, whatever the address", async () => {
    const token = "C".repeat(43);
    const form = await validForm();
    for (let i = 0; i < 30; i += 1) expectUnavailable(await submit(api, token, form));
    expect((await submit(api, token, form)).status).toBe(429);
    expectUnavailable(await submit(api, "D".repeat(43), form));
  });

  it("fails closed: when the limiter cannot answer, the submission is refused and nothing is written", async () => {
    const { token } = await createLink(alice);
    const { activeRateLimiter } = await import("@/server/security/rate-limit/active-limiter");
    const before = await intakeSnapshot(alice.id);
    const hit = vi.spyOn(activeRateLimiter(), "hit").mockRejectedValue(new Error("limiter down"));
    try {
      expect((await submit(api, token, await validForm())).status).toBe(503);
    } finally {
      hit.mockRestore();
    }
    expect(await intakeSnapshot(alice.id)).toEqual(before);
  });
});
