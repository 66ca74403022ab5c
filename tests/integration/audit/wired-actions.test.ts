import fs from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import type { Note } from "@/lib/contracts/notes";
import type { Tag } from "@/lib/contracts/tags";
import { settleAfterResponse } from "@/server/lifecycle/after-response";
import { PASSWORD, resetTokenIn, signedUpBrowser, uniqueEmail } from "../auth/fixtures";
import { TestBrowser } from "../../support/test-browser";
import { Practitioner } from "../contacts/client-records-api";
import { importResult, uploadRequest } from "../contact-csv/csv-app";
import { caller, callerHeaders, eventsOfRequest, loadAuditApp, onlyEventOf, sendAs, type AuditApp } from "./audit-app";

let app: AuditApp;
let alice: Practitioner;
let aliceEmail: string;

const DOC = { type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text: "Felt better today" }] }] };

beforeAll(async () => {
  app = await loadAuditApp();
  const signedUp = await signedUpBrowser(app.api.auth, "Alice");
  alice = new Practitioner(app.api, signedUp.browser, signedUp.id);
  aliceEmail = signedUp.email;
});

async function newClient(name = "Client"): Promise<Contact> {
  return alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: name, allowDuplicate: true });
}

async function signInFrom(
  from: ReturnType<typeof caller>,
  email: string,
  password: string,
  browser = new TestBrowser(),
) {
  return browser.send(app.api.auth.signIn, "POST", "/api/auth/sign-in", {
    body: { email, password },
    headers: callerHeaders(from),
  });
}

describe("auth events", () => {
  it("sign-in success is recorded under the account with the caller's IP, user agent and request id", async () => {
    const from = caller();
    expect((await signInFrom(from, aliceEmail, PASSWORD)).status).toBe(200);
    expect(await onlyEventOf(from)).toMatchObject({
      user_id: alice.id,
      action: "auth.sign_in.succeeded",
      metadata: { method: "password" },
    });
  });

  it("a wrong password for a known email is filed under that account, without the email or password", async () => {
    const from = caller();
    const wrong = "not the password at all 99";
    expect((await signInFrom(from, aliceEmail.toUpperCase(), wrong)).status).toBe(401);
    const event = await onlyEventOf(from);
    expect(event).toMatchObject({ user_id: alice.id, action: "auth.sign_in.failed", target_id: null });
    expect(event.metadata).toEqual({ reason: "unauthorized" });
    const stored = JSON.stringify(event).toLowerCase();
    expect(stored).not.toContain(aliceEmail.toLowerCase());
    expect(stored).not.toContain(aliceEmail.split("@")[0]);
    expect(stored).not.toContain(wrong);
  });

  it("a sign-in for an unknown email is filed under no account, without the email", async () => {
    const from = caller();
    const email = uniqueEmail("Nobody");
    expect((await signInFrom(from, email, PASSWORD)).status).toBe(401);
    const event = await onlyEventOf(from);
    expect(event).toMatchObject({ user_id: null, action: "auth.sign_in.failed", metadata: { reason: "unauthorized" } });
    expect(JSON.stringify(event)).not.toContain(email.split("@")[0]);
  });

  it("sign-out and sign-out everywhere are recorded under the account; signing out while signed out records nothing", async () => {
    const browser = new TestBrowser();
    await signInFrom(caller(), aliceEmail, PASSWORD, browser);
    const out = caller();
    expect(
      (await browser.send(app.api.auth.signOut, "POST", "/api/auth/sign-out", { headers: callerHeaders(out) })).status,
    ).toBe(200);
    expect(await onlyEventOf(out)).toMatchObject({ user_id: alice.id, action: "auth.signed_out" });
    const again = caller();
    await browser.send(app.api.auth.signOut, "POST", "/api/auth/sign-out", { headers: callerHeaders(again) });
    expect(await eventsOfRequest(again.requestId)).toEqual([]);

    const other = new TestBrowser();
    await signInFrom(caller(), aliceEmail, PASSWORD, other);
    const everywhere = caller();
    const response = await other.send(app.api.auth.signOutAll, "POST", "/api/auth/sign-out-all", {
      headers: callerHeaders(everywhere),
    });
    expect(response.status).toBe(200);
    expect(await onlyEventOf(everywhere)).toMatchObject({ user_id: alice.id, action: "auth.signed_out_everywhere" });
    // Every session of Alice's ended, her test browser's too: sign it in again for the tests that follow.
    await signInFrom(caller(), aliceEmail, PASSWORD, alice.browser);
  });

  it("a completed password reset is recorded under the account", async () => {
    const { browser, email, id } = await signedUpBrowser(app.api.auth, "Resetting");
    const outbox = path.join(process.env.DATA_DIR ?? "", "mail");
    const before = new Set(fs.existsSync(outbox) ? fs.readdirSync(outbox) : []);
    await browser.send(app.api.auth.resetPassword, "POST", "/api/auth/reset-password", { body: { email } });
    await settleAfterResponse(); // the mail is sent after the answer
    const [mail] = fs.readdirSync(outbox).filter((file) => !before.has(file));
    const token = resetTokenIn(fs.readFileSync(path.join(outbox, mail ?? ""), "utf8"));
    const from = caller();
    const response = await new TestBrowser().send(
      app.api.auth.confirmReset,
      "POST",
      "/api/auth/reset-password/confirm",
      {
        body: { token, password: "another long passphrase 7" },
        headers: callerHeaders(from),
      },
    );
    expect(response.status).toBe(200);
    expect(await onlyEventOf(from)).toMatchObject({ user_id: id, action: "auth.password_reset", metadata: {} });
  });
});

describe("client record events", () => {
  it("create, view, update (field names only) and merge each write exactly one event with the client as target", async () => {
    const created = caller();
    const response = await sendAs(alice, created, "POST", "/api/contacts", {
      displayName: "Jane Secret",
      email: "jane.secret@example.com",
    });
    const client = (await response.json()) as Contact;
    expect(await onlyEventOf(created)).toMatchObject({
      user_id: alice.id,
      action: "client.created",
      target_type: "client",
      target_id: client.id,
      metadata: { source: "manual" },
    });

    const viewed = caller();
    expect((await sendAs(alice, viewed, "GET", `/api/contacts/${client.id}`)).status).toBe(200);
    expect(await onlyEventOf(viewed)).toMatchObject({ action: "client.viewed", target_id: client.id, metadata: {} });
    // The view is one statement with its values written into the text: quotes and backslashes arrive as sent.
    const hostile = { ...caller(), userAgent: String.raw`Agent\'); delete from public.contacts; -- it's '` };
    expect((await sendAs(alice, hostile, "GET", `/api/contacts/${client.id}`)).status).toBe(200);
    expect(await onlyEventOf(hostile)).toMatchObject({ action: "client.viewed", target_id: client.id });

    const updated = caller();
    const patched = await sendAs(alice, updated, "PATCH", `/api/contacts/${client.id}`, {
      phone: "+44 7700 900123",
      healthContext: { notes: "Secret" },
    });
    expect(patched.status, await patched.clone().text()).toBe(200);
    const update = await onlyEventOf(updated);
    expect(update).toMatchObject({ action: "client.updated", target_id: client.id });
    expect(update.metadata).toEqual({ fields: "healthContext,phone" });

    const duplicate = await newClient("Jane S.");
    const merged = caller();
    expect(
      (await sendAs(alice, merged, "POST", `/api/contacts/${client.id}/merge`, { duplicateId: duplicate.id })).status,
    ).toBe(200);
    expect(await onlyEventOf(merged)).toMatchObject({
      action: "client.merged",
      target_id: client.id,
      metadata: { duplicateId: duplicate.id, notesMoved: 0, tagsMoved: 0, consentsMoved: 0 },
    });

    const everything = JSON.stringify(await eventsOfRequest(created.requestId)) + JSON.stringify(update);
    expect(everything).not.toMatch(/Jane|jane\.secret|7700|Secret/);
  });

  it("a bulk delete records one clients.bulk_deleted event listing the erased ids", async () => {
    const clients = [await newClient("One"), await newClient("Two")];
    const from = caller();
    const ids = clients.map((client) => client.id);
    expect((await sendAs(alice, from, "POST", "/api/contacts/bulk-delete", { ids })).status).toBe(200);
    const events = await eventsOfRequest(from.requestId);
    const summary = events.filter((event) => event.action === "clients.bulk_deleted");
    expect(summary).toHaveLength(1);
    expect(summary[0]).toMatchObject({ user_id: alice.id, target_id: null, metadata: { count: 2 }, ip: from.ip });
    const listed = (summary[0]?.metadata as { clientIds: string[] }).clientIds;
    expect([...listed].sort()).toEqual([...ids].sort());
    expect(events).toHaveLength(1);
  });

  it("a failed change leaves no event: an unknown client is 404 and nothing is recorded", async () => {
    const from = caller();
    const missing = "00000000-0000-4000-8000-000000000000";
    expect((await sendAs(alice, from, "PATCH", `/api/contacts/${missing}`, { phone: "123" })).status).toBe(404);
    expect((await sendAs(alice, from, "GET", `/api/contacts/${missing}`)).status).toBe(404);
    expect(await eventsOfRequest(from.requestId)).toEqual([]);
  });

  it("the client page's view is recorded with the page request's headers", async () => {
    const client = await newClient();
    const { runWithRequestHeaders } = await import("@/server/http/request-headers-context");
    const { getContact } = await import("@/server/services/contacts");
    const from = caller();
    const headers = new Headers(callerHeaders(from));
    await runWithRequestHeaders(headers, "/clients/[id]", () => getContact({ userId: alice.id }, { id: client.id }));
    expect(await onlyEventOf(from)).toMatchObject({ user_id: alice.id, action: "client.viewed", target_id: client.id });
  });

  it("a CSV import records its counts and an export its count and filter names", async () => {
    const from = caller();
    const csv = "Name,Email\nAnn Import,ann@example.com\nBea Import,bea@example.com\nAnn Again,ann@example.com\n,\n";
    const request = uploadRequest(alice, "/api/contacts/import", { file: csv });
    const headers = new Headers(request.headers);
    for (const [name, value] of Object.entries(callerHeaders(from))) headers.set(name, value);
    const { result } = await importResult(await app.routes.importCsv(new Request(request, { headers })));
    const imported = await onlyEventOf(from);
    expect(imported).toMatchObject({ action: "clients.imported", target_id: null });
    expect(imported.metadata).toEqual({
      created: result.created.length,
      merged: result.merged.length,
      skipped: result.skipped.length,
    });

    const exported = caller();
    const response = await sendAs(alice, exported, "GET", "/api/contacts/export?q=Import&hasEmail=true&sort=name");
    expect(response.status, await response.clone().text()).toBe(200);
    await response.arrayBuffer();
    expect((await onlyEventOf(exported)).metadata).toEqual({ count: 2, filters: "q,hasEmail" });
  });
});

describe("note and settings events", () => {
  it("signing and deleting notes, and tag changes (settings.updated), are recorded", async () => {
    const client = await newClient();
    const draft = (await (
      await sendAs(alice, caller(), "POST", `/api/contacts/${client.id}/notes`, { bodyJson: DOC })
    ).json()) as Note;
    const signed = caller();
    expect((await sendAs(alice, signed, "POST", `/api/notes/${draft.id}/sign`, {})).status).toBe(200);
    expect(await onlyEventOf(signed)).toMatchObject({
      action: "note.signed",
      target_type: "note",
      target_id: draft.id,
      metadata: { contactId: client.id },
    });
    const other = (await (
      await sendAs(alice, caller(), "POST", `/api/contacts/${client.id}/notes`, { bodyJson: DOC })
    ).json()) as Note;
    const deleted = caller();
    expect((await sendAs(alice, deleted, "DELETE", `/api/notes/${other.id}`)).status).toBe(204);
    expect(await onlyEventOf(deleted)).toMatchObject({ action: "note.deleted", target_id: other.id });
    expect(JSON.stringify(await eventsOfRequest(signed.requestId))).not.toContain("Felt better");

    const created = caller();
    const tag = (await (await sendAs(alice, created, "POST", "/api/tags", { name: "Private tag name" })).json()) as Tag;
    expect((await onlyEventOf(created)).metadata).toEqual({ setting: "tags", change: "created", tagId: tag.id });
    const updated = caller();
    await sendAs(alice, updated, "PATCH", `/api/tags/${tag.id}`, { name: "Renamed", color: "#112233" });
    expect((await onlyEventOf(updated)).metadata).toEqual({
      setting: "tags",
      change: "updated",
      tagId: tag.id,
      fields: "color,name",
    });
    const removed = caller();
    expect((await sendAs(alice, removed, "DELETE", `/api/tags/${tag.id}`)).status).toBe(204);
    expect(await onlyEventOf(removed)).toMatchObject({
      action: "settings.updated",
      metadata: { setting: "tags", change: "deleted", tagId: tag.id },
    });
  });
});
