import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { expectError, temporaryDataDir } from "../auth/fixtures";
import { loadNotesApp, noteFrom, paragraphs, type NotesApp, type Practitioner } from "./notes-app";

const dataDir = temporaryDataDir();
let app: NotesApp;
let alice: Practitioner;
let bob: Practitioner;
let clientId: string;
let draftId: string;
let signedId: string;

beforeAll(async () => {
  app = await loadNotesApp(dataDir);
  alice = await app.signUp("Alice");
  bob = await app.signUp("Bob");
  clientId = await app.addClient(alice, "Alice's Client");
  const as = (handler: (typeof app.routes)[keyof typeof app.routes], path: string, id: string, body?: unknown) =>
    app.call(alice, handler, "POST", path, body === undefined ? { id } : { id, body });
  draftId = (await noteFrom(await as(app.routes.createNote, `/api/contacts/${clientId}/notes`, clientId, {}), 201)).id;
  signedId = (
    await noteFrom(
      await as(app.routes.createNote, `/api/contacts/${clientId}/notes`, clientId, { bodyJson: paragraphs("Private") }),
      201,
    )
  ).id;
  await noteFrom(await as(app.routes.signNote, `/api/notes/${signedId}/sign`, signedId));
  expect(
    (await as(app.routes.addAmendment, `/api/notes/${signedId}/amendments`, signedId, { body: "Mine" })).status,
  ).toBe(201);
});

/** Everything Alice has, as the privileged connection sees it. */
async function aliceRecords() {
  return {
    notes: await app.asSystem(sql`select * from public.notes where user_id = ${alice.id} order by id`),
    amendments: await app.asSystem(sql`select * from public.note_amendments where user_id = ${alice.id} order by id`),
  };
}

describe("notes of one practitioner are invisible to another", () => {
  it("every endpoint answers 404 to Bob for Alice's ids, and nothing of Alice's changes", async () => {
    const before = await aliceRecords();
    const body = { bodyJson: paragraphs("Bob was here") };
    const attempts: [keyof NotesApp["routes"], string, string, string, unknown?][] = [
      ["listNotes", "GET", `/api/contacts/${clientId}/notes`, clientId],
      ["createNote", "POST", `/api/contacts/${clientId}/notes`, clientId, {}],
      ["createNote", "POST", `/api/contacts/${clientId}/notes`, clientId, { startFromLast: true }],
      ["createNote", "POST", `/api/contacts/${clientId}/notes`, clientId, { template: "soap" }],
      ...[draftId, signedId].flatMap((id): [keyof NotesApp["routes"], string, string, string, unknown?][] => [
        ["getNote", "GET", `/api/notes/${id}`, id],
        ["updateNote", "PATCH", `/api/notes/${id}`, id, body],
        ["deleteNote", "DELETE", `/api/notes/${id}`, id],
        ["signNote", "POST", `/api/notes/${id}/sign`, id],
        ["signNote", "POST", `/api/notes/${id}/sign`, id, body],
        ["addAmendment", "POST", `/api/notes/${id}/amendments`, id, { body: "Bob's addendum" }],
      ]),
    ];
    for (const [route, method, path, id, payload] of attempts) {
      const response = await app.call(
        bob,
        app.routes[route],
        method,
        path,
        payload === undefined ? { id } : { id, body: payload },
      );
      const error = await expectError(response, 404);
      expect(error.message, `${method} ${path}`).toMatch(/not found/);
    }
    expect(await aliceRecords()).toEqual(before);
  });

  it("directly under row level security Bob reads, changes and adds nothing of Alice's", async () => {
    const before = await aliceRecords();
    const asBob = <Row>(statement: ReturnType<typeof sql>) => app.asUser<Row>(bob.id, statement);

    expect(await asBob(sql`select id from public.notes`)).toEqual([]);
    expect(await asBob(sql`select id from public.note_amendments`)).toEqual([]);
    expect(await asBob(sql`select id from public.notes where id in (${draftId}, ${signedId})`)).toEqual([]);
    expect(await asBob(sql`update public.notes set body_text = 'x' where id = ${draftId} returning id`)).toEqual([]);
    expect(await asBob(sql`delete from public.notes where id = ${draftId} returning id`)).toEqual([]);
    await expect(
      asBob(sql`insert into public.notes (user_id, contact_id) values (${bob.id}, ${clientId})`),
    ).rejects.toThrow();
    await expect(
      asBob(sql`insert into public.notes (user_id, contact_id) values (${alice.id}, ${clientId})`),
    ).rejects.toThrow();
    for (const owner of [bob.id, alice.id]) {
      await expect(
        asBob(sql`insert into public.note_amendments (user_id, note_id, body) values (${owner}, ${signedId}, 'x')`),
      ).rejects.toThrow();
    }
    expect(await aliceRecords()).toEqual(before);
    // Alice herself still sees everything, so the empty answers above are isolation, not an empty table.
    expect(await app.asUser(alice.id, sql`select id from public.notes`)).toHaveLength(2);
    expect(await app.asUser(alice.id, sql`select id from public.note_amendments`)).toHaveLength(1);
  });
});
