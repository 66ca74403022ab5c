import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { noteListResponse, noteSchema, type Note } from "@/lib/contracts/notes";
import { NOTE_TEMPLATES } from "@/lib/note-templates";
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
const list = (contactId: string, query = "") =>
  app.call(alice, app.routes.listNotes, "GET", `/api/contacts/${contactId}/notes${query}`, { id: contactId });
const get = (id: string) => app.call(alice, app.routes.getNote, "GET", `/api/notes/${id}`, { id });
const patch = (id: string, body: unknown) =>
  app.call(alice, app.routes.updateNote, "PATCH", `/api/notes/${id}`, { id, body });

/** Headings of a document, in order. */
function headings(note: Note): string[] {
  return (note.bodyJson.content ?? [])
    .filter((node) => node.type === "heading")
    .map((node) => (node.content ?? []).map((child) => child.text).join(""));
}

describe("client notes: create, read, autosave, delete", () => {
  it("creates an empty draft that reads back identically through GET, list and the browser's schema", async () => {
    const clientId = await app.addClient(alice, "Maya Okafor");
    const created = await noteFrom(await create(clientId), 201);
    expect(created).toMatchObject({
      contactId: clientId,
      status: "draft",
      locked: false,
      signedAt: null,
      template: null,
    });
    expect(created.bodyJson).toEqual({ type: "doc", content: [{ type: "paragraph" }] });
    expect(created.amendments).toEqual([]);

    const read = await noteFrom(await get(created.id));
    expect(read).toEqual(created);
    const listed = noteListResponse.parse(await (await list(clientId)).json());
    expect(listed).toEqual({ items: [created], nextCursor: null });
  });

  it("every template gives its headings, and the stored body is the template's document", async () => {
    const clientId = await app.addClient(alice, "Template Client");
    const expected: Record<string, string[]> = {
      soap: ["Subjective", "Objective", "Assessment", "Plan"],
      "free-form": [],
      "massage-session": ["Before the session", "Treatment", "Client feedback", "Aftercare"],
      "coaching-session": ["Session focus", "Insights and wins", "Obstacles", "Commitments", "Next session"],
    };
    for (const template of NOTE_TEMPLATES) {
      const note = await noteFrom(await create(clientId, { template: template.id }), 201);
      expect(note.template).toBe(template.id);
      expect(headings(note)).toEqual(expected[template.id]);
      expect(note.bodyJson).toEqual(template.body);
      for (const heading of expected[template.id] ?? []) expect(note.bodyText).toContain(heading);
    }
    expect((await create(clientId, { template: "tarot" })).status).toBe(422);
  });

  it("autosave replaces the body and derives the search text on the server", async () => {
    const clientId = await app.addClient(alice, "Autosave Client");
    const draft = await noteFrom(await create(clientId, { template: "soap" }), 201);
    const saved = await noteFrom(await patch(draft.id, { bodyJson: paragraphs("Lower back tightness", "Hydrate") }));
    expect(saved.bodyText).toBe("Lower back tightness\nHydrate");
    expect(Date.parse(saved.updatedAt)).toBeGreaterThanOrEqual(Date.parse(draft.updatedAt));

    // Text the browser claims is refused outright: search text only ever comes from the document.
    await expectError(await patch(draft.id, { bodyJson: paragraphs("x"), bodyText: "forged" }), 422);
    const [row] = await app.asUser<{ body_text: string }>(
      alice.id,
      sql`select body_text from public.notes where id = ${draft.id}`,
    );
    expect(row?.body_text).toBe("Lower back tightness\nHydrate");
    const found = await app.asUser<{ id: string }>(
      alice.id,
      sql`select id from public.notes where to_tsvector('simple', body_text) @@ plainto_tsquery('simple', 'tightness')`,
    );
    expect(found.map((note) => note.id)).toContain(draft.id);
  });

  it("hard breaks, lists and nested blocks become lines of search text", async () => {
    const clientId = await app.addClient(alice, "Text Client");
    const draft = await noteFrom(await create(clientId), 201);
    const body = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "Plan" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "Stretch", marks: [{ type: "bold" }] },
            { type: "hardBreak" },
            { type: "text", text: "daily" },
          ],
        },
        {
          type: "bulletList",
          content: [{ type: "listItem", content: [{ type: "paragraph", content: [{ type: "text", text: "Ice" }] }] }],
        },
      ],
    };
    expect((await noteFrom(await patch(draft.id, { bodyJson: body }))).bodyText).toBe("Plan\nStretch\ndaily\nIce");
  });

  it("start from my last note copies the latest body for that client only", async () => {
    const clientId = await app.addClient(alice, "Repeat Client");
    const otherId = await app.addClient(alice, "Other Client");
    await expectError(await create(clientId, { startFromLast: true }), 422);

    const first = await noteFrom(await create(clientId, { template: "massage-session" }), 201);
    await patch(first.id, { bodyJson: paragraphs("Deep tissue, shoulders") });
    await noteFrom(await create(otherId, { bodyJson: paragraphs("Someone else") }), 201);

    const copy = await noteFrom(await create(clientId, { startFromLast: true }), 201);
    expect(copy.id).not.toBe(first.id);
    expect(copy.bodyText).toBe("Deep tissue, shoulders");
    expect(copy.template).toBe("massage-session");
    expect(copy.status).toBe("draft");

    await expectError(await create(clientId, { startFromLast: true, template: "soap" }), 422);
  });

  it("lists newest first in keyset pages that neither skip nor repeat notes made in one instant", async () => {
    const clientId = await app.addClient(alice, "Busy Client");
    const created: string[] = [];
    for (let index = 0; index < 5; index += 1)
      created.push((await noteFrom(await create(clientId, { bodyJson: paragraphs(`Session ${index}`) }), 201)).id);
    // Same timestamp for two notes: the id breaks the tie.
    await app.asSystem(
      sql`update public.notes set created_at = '2030-01-01T00:00:00.123456Z' where id in (${created[1]}, ${created[2]})`,
    );

    const seen: Note[] = [];
    let cursor: string | null = null;
    do {
      const response = await list(clientId, `?limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      const page = noteListResponse.parse(await response.json());
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    expect(seen.map((note) => note.id).sort()).toEqual([...created].sort());
    const order = seen.map((note) => [note.createdAt, note.id] as const);
    expect(order).toEqual(
      [...order].sort((a, b) => (a[0] === b[0] ? b[1].localeCompare(a[1]) : b[0].localeCompare(a[0]))),
    );
    expect(seen[0]?.createdAt).toBe("2030-01-01T00:00:00.123Z");

    await expectError(await list(clientId, "?cursor=not-a-cursor"), 422);
    await expectError(await list(clientId, "?limit=500"), 422);
  });

  it("deletes a draft, after which it is gone everywhere", async () => {
    const clientId = await app.addClient(alice, "Delete Client");
    const draft = await noteFrom(await create(clientId), 201);
    const deleted = await app.call(alice, app.routes.deleteNote, "DELETE", `/api/notes/${draft.id}`, { id: draft.id });
    expect(deleted.status).toBe(204);
    await expectError(await get(draft.id), 404);
    await expectError(await patch(draft.id, { bodyJson: paragraphs("late") }), 404);
    expect(noteListResponse.parse(await (await list(clientId)).json()).items).toEqual([]);
  });

  it("answers 404 for a client that does not exist and 422 for ids that are not ids", async () => {
    const missing = "00000000-0000-4000-8000-000000000000";
    await expectError(await list(missing), 404);
    await expectError(await create(missing), 404);
    await expectError(await get(missing), 404);
    await expectError(await get("not-a-uuid"), 422);
  });

  it("a stored note that the schema cannot read would fail this test: every stored body parses", async () => {
    const stored = await app.asUser<{ id: string }>(alice.id, sql`select id from public.notes`);
    expect(stored.length).toBeGreaterThan(10);
    for (const { id } of stored) noteSchema.parse(await (await get(id)).json());
  });
});
