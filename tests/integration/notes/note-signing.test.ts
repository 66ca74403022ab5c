import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { noteAmendmentSchema, SIGNED_NOTE_LOCKED, type Note } from "@/lib/contracts/notes";
import { expectError, temporaryDataDir } from "../auth/fixtures";
import { loadNotesApp, noteFrom, paragraphs, type NotesApp, type Practitioner } from "./notes-app";

const dataDir = temporaryDataDir();
let app: NotesApp;
let alice: Practitioner;

beforeAll(async () => {
  app = await loadNotesApp(dataDir);
  alice = await app.signUp("Alice");
});

const create = (contactId: string, body: unknown = {}) =>
  app.call(alice, app.routes.createNote, "POST", `/api/contacts/${contactId}/notes`, { id: contactId, body });
const get = (id: string) => app.call(alice, app.routes.getNote, "GET", `/api/notes/${id}`, { id });
const patch = (id: string, body: unknown) =>
  app.call(alice, app.routes.updateNote, "PATCH", `/api/notes/${id}`, { id, body });
const remove = (id: string) => app.call(alice, app.routes.deleteNote, "DELETE", `/api/notes/${id}`, { id });
const sign = (id: string, body?: unknown) =>
  app.call(alice, app.routes.signNote, "POST", `/api/notes/${id}/sign`, body === undefined ? { id } : { id, body });
const amend = (id: string, body: unknown) =>
  app.call(alice, app.routes.addAmendment, "POST", `/api/notes/${id}/amendments`, { id, body });

/** SQLSTATE of a refused statement, however the driver wraps it. */
async function refusal(statement: Promise<unknown>): Promise<string | undefined> {
  try {
    await statement;
  } catch (error) {
    for (let current: unknown = error; current; current = (current as { cause?: unknown }).cause) {
      const code = (current as { code?: unknown }).code;
      if (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code)) return code;
    }
    return "unknown";
  }
  return undefined;
}

async function signedNote(clientName: string, text = "Signed session"): Promise<Note> {
  const clientId = await app.addClient(alice, clientName);
  const draft = await noteFrom(await create(clientId, { bodyJson: paragraphs(text) }), 201);
  return noteFrom(await sign(draft.id));
}

describe("sign and lock", () => {
  it("signing makes the note final, dated and locked; a second signing is refused", async () => {
    const before = Date.now();
    const note = await signedNote("Sign Client");
    expect(note).toMatchObject({ status: "final", locked: true, bodyText: "Signed session" });
    expect(Date.parse(note.signedAt ?? "")).toBeGreaterThanOrEqual(before - 5_000);
    expect(await get(note.id).then((response) => noteFrom(response))).toEqual(note);

    const again = await expectError(await sign(note.id), 409);
    expect(again.message).toBe("This note is already signed");
  });

  it("a signed note answers 409 to edits and deletion, and nothing changes", async () => {
    const note = await signedNote("Locked Client", "Original words");
    for (const response of [await patch(note.id, { bodyJson: paragraphs("Rewritten") }), await remove(note.id)]) {
      expect((await expectError(response, 409)).message).toBe(SIGNED_NOTE_LOCKED);
    }
    expect(await noteFrom(await get(note.id))).toEqual(note);
  });

  it("signing with the latest body saves and signs it in one step", async () => {
    const clientId = await app.addClient(alice, "Flush Client");
    const draft = await noteFrom(await create(clientId, { template: "soap" }), 201);
    const note = await noteFrom(await sign(draft.id, { bodyJson: paragraphs("Final words") }));
    expect(note).toMatchObject({ status: "final", bodyText: "Final words" });

    const other = await noteFrom(await create(clientId), 201);
    await expectError(await sign(other.id, { bodyJson: { type: "doc", content: [{ type: "listItem" }] } }), 422);
    expect((await noteFrom(await get(other.id))).status).toBe("draft");
  });

  it("the database itself refuses changing or deleting a signed note under row level security", async () => {
    const note = await signedNote("Database Client", "Kept as signed");
    const asAlice = (statement: ReturnType<typeof sql>) => app.asUser(alice.id, statement);

    expect(await refusal(asAlice(sql`update public.notes set body_text = 'tampered' where id = ${note.id}`))).toBe(
      "55000",
    );
    expect(
      await refusal(asAlice(sql`update public.notes set status = 'draft', signed_at = null where id = ${note.id}`)),
    ).toBe("55000");
    expect(await refusal(asAlice(sql`update public.notes set signed_at = '2001-01-01' where id = ${note.id}`))).toBe(
      "55000",
    );
    expect(await refusal(asAlice(sql`delete from public.notes where id = ${note.id}`))).toBe("55000");
    // Not even the privileged connection gets round it.
    expect(
      await refusal(app.asSystem(sql`update public.notes set body_json = '{"type":"doc"}' where id = ${note.id}`)),
    ).toBe("55000");
    expect(await noteFrom(await get(note.id))).toEqual(note);
  });

  it("the database dates signing itself: a backdated signature gets the real time", async () => {
    const clientId = await app.addClient(alice, "Backdate Client");
    const draft = await noteFrom(await create(clientId), 201);
    await app.asUser(
      alice.id,
      sql`update public.notes set status = 'final', signed_at = '2001-01-01T00:00:00Z' where id = ${draft.id}`,
    );
    const signed = await noteFrom(await get(draft.id));
    expect(signed.status).toBe("final");
    expect(Date.parse(signed.signedAt ?? "")).toBeGreaterThan(Date.parse("2020-01-01"));
  });
});

describe("amendments", () => {
  it("are refused on drafts and appended, dated and oldest first, on signed notes", async () => {
    const clientId = await app.addClient(alice, "Amend Client");
    const draft = await noteFrom(await create(clientId, { bodyJson: paragraphs("Draft") }), 201);
    expect((await expectError(await amend(draft.id, { body: "Too early" }), 409)).message).toMatch(/Only signed notes/);

    const note = await noteFrom(await sign(draft.id));
    const first = noteAmendmentSchema.parse(
      await (await amend(note.id, { body: "  Client called: pain eased.  " })).json(),
    );
    const secondResponse = await amend(note.id, { body: "Referral sent." });
    expect(secondResponse.status).toBe(201);
    const second = noteAmendmentSchema.parse(await secondResponse.json());
    expect(first.body).toBe("Client called: pain eased.");
    expect(first.noteId).toBe(note.id);

    const read = await noteFrom(await get(note.id));
    expect(read.amendments).toEqual([first, second]);
    expect(read.bodyJson).toEqual(note.bodyJson);
    const list = await app.call(alice, app.routes.listNotes, "GET", `/api/contacts/${clientId}/notes`, {
      id: clientId,
    });
    expect(((await list.json()) as { items: Note[] }).items[0]?.amendments).toEqual([first, second]);

    await expectError(await amend(note.id, { body: "   " }), 422);
    await expectError(await amend(note.id, { body: "x".repeat(10_001) }), 422);
    await expectError(await amend(note.id, { body: "ok", createdAt: "2001-01-01T00:00:00Z" }), 422);
  });

  it("cannot be changed, deleted or backdated, even directly in the database", async () => {
    const note = await signedNote("Append Client");
    const amendment = noteAmendmentSchema.parse(await (await amend(note.id, { body: "Addendum" })).json());

    expect(
      await refusal(app.asUser(alice.id, sql`update public.note_amendments set body = 'x' where id = ${amendment.id}`)),
    ).toBe("42501");
    expect(
      await refusal(app.asUser(alice.id, sql`delete from public.note_amendments where id = ${amendment.id}`)),
    ).toBe("42501");
    expect(
      await refusal(app.asSystem(sql`update public.note_amendments set body = 'x' where id = ${amendment.id}`)),
    ).toBe("55000");
    expect(await refusal(app.asSystem(sql`delete from public.note_amendments where id = ${amendment.id}`))).toBe(
      "55000",
    );

    await app.asUser(
      alice.id,
      sql`insert into public.note_amendments (user_id, note_id, body, created_at)
          values (${alice.id}, ${note.id}, 'Backdated', '2001-01-01T00:00:00Z')`,
    );
    const read = await noteFrom(await get(note.id));
    expect(read.amendments.map((entry) => entry.body)).toEqual(["Addendum", "Backdated"]);
    expect(Date.parse(read.amendments[1]?.createdAt ?? "")).toBeGreaterThan(Date.parse("2020-01-01"));

    const draft = await noteFrom(await create(note.contactId), 201);
    expect(
      await refusal(
        app.asSystem(
          sql`insert into public.note_amendments (user_id, note_id, body) values (${alice.id}, ${draft.id}, 'x')`,
        ),
      ),
    ).toBe("55000");
  });
});

describe("signed notes and the client record", () => {
  it("deleting the client removes its signed notes and their amendments", async () => {
    const note = await signedNote("Leaving Client");
    await amend(note.id, { body: "Final addendum" });
    await app.contactsService.deleteContact({ userId: alice.id }, { id: note.contactId });
    await expectError(await get(note.id), 404);
    expect(await app.asSystem(sql`select 1 from public.note_amendments where note_id = ${note.id}`)).toEqual([]);
  });

  it("merging two clients moves signed notes, amendments intact", async () => {
    const note = await signedNote("Duplicate Client");
    await amend(note.id, { body: "Kept through the merge" });
    const keptId = await app.addClient(alice, "Kept Client");
    const merged = await app.contactsService.mergeContacts(
      { userId: alice.id },
      { id: keptId, duplicateId: note.contactId, fields: {} },
    );
    expect(merged.merged.notesMoved).toBe(1);
    const moved = await noteFrom(await get(note.id));
    expect(moved).toMatchObject({
      contactId: keptId,
      status: "final",
      signedAt: note.signedAt,
      bodyJson: note.bodyJson,
    });
    expect(moved.amendments.map((entry) => entry.body)).toEqual(["Kept through the merge"]);
  });
});
