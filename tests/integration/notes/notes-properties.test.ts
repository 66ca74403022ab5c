import { sql } from "drizzle-orm";
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import { noteAmendmentSchema, noteListResponse, noteSchema } from "@/lib/contracts/notes";
import { errorBodySchema } from "@/lib/contracts/errors";
import { isPostgresTimestamp } from "@/server/pagination/postgres-timestamp";
import { temporaryDataDir } from "../auth/fixtures";
import { hostileKeysetCursor, hostileTimestampText } from "../contacts/hostile-cursors";
import { hostileBodyArb, idSegmentArb, listQueryArb, NASTY_DOCUMENTS, RawBody } from "./hostile-bodies";
import { loadNotesApp, noteFrom, paragraphs, type NotesApp, type NotesRoutes, type Practitioner } from "./notes-app";

const dataDir = temporaryDataDir();
const RUNS = 60;
let app: NotesApp;

beforeAll(async () => {
  app = await loadNotesApp(dataDir);
});

/** A practitioner of their own per property, so the per-user rate limit never stands in for validation. */
async function practitionerWithNotes(name: string) {
  const practitioner = await app.signUp(name);
  const clientId = await app.addClient(practitioner, `${name}'s Client`);
  const post = (path: string, id: string, body: unknown, route: keyof NotesRoutes) =>
    app.call(practitioner, app.routes[route], "POST", path, { id, body });
  const newDraft = async () =>
    (
      await noteFrom(
        await post(`/api/contacts/${clientId}/notes`, clientId, { bodyJson: paragraphs("Draft") }, "createNote"),
        201,
      )
    ).id;
  const signedId = await newDraft();
  await noteFrom(await post(`/api/notes/${signedId}/sign`, signedId, {}, "signNote"));
  return { practitioner, clientId, draftId: await newDraft(), signedId, newDraft };
}

/** Every row the practitioner owns: compared around each refused request to prove nothing was written. */
async function everything(practitioner: Practitioner) {
  return {
    notes: await app.asSystem(sql`select * from public.notes where user_id = ${practitioner.id} order by id`),
    amendments: await app.asSystem(
      sql`select * from public.note_amendments where user_id = ${practitioner.id} order by id`,
    ),
  };
}

interface Attempt {
  practitioner: Practitioner;
  route: keyof NotesRoutes;
  method: string;
  path: string;
  id: string;
  body?: unknown;
}

/** Sends one request; a 4xx must carry the error shape and leave the database as it was; 5xx never happens. */
async function attempt({
  practitioner,
  route,
  method,
  path,
  id,
  body,
}: Attempt): Promise<{ status: number; payload: unknown }> {
  const before = await everything(practitioner);
  const raw = body === undefined ? undefined : body instanceof RawBody ? body.text : JSON.stringify(body);
  const response = await app.call(
    practitioner,
    app.routes[route],
    method,
    path,
    raw === undefined ? { id } : { id, body: raw },
  );
  statuses.push(response.status);
  const text = await response.text();
  expect(response.status, `${method} ${path} → ${response.status} ${text.slice(0, 300)}`).toBeLessThan(500);
  const payload: unknown = text ? JSON.parse(text) : undefined;
  if (response.status >= 400) {
    expect(errorBodySchema.safeParse(payload).success, text.slice(0, 300)).toBe(true);
    expect(await everything(practitioner)).toEqual(before);
  }
  return { status: response.status, payload };
}

const statuses: number[] = [];

/**
 * Runs the property from a known-good example plus random ones, then checks it reached both
 * answers, so neither half of it was vacuous.
 */
async function property<T>(arbitrary: fc.Arbitrary<T>, check: (value: T) => Promise<void>, goodExample?: T) {
  statuses.length = 0;
  const examples = goodExample === undefined ? [] : [[goodExample] as [T]];
  await fc.assert(fc.asyncProperty(arbitrary, check), { numRuns: RUNS, examples });
  expect(statuses.some((status) => status >= 400)).toBe(true);
  if (goodExample !== undefined) expect(statuses.some((status) => status < 300)).toBe(true);
}

describe("hostile input never breaks a notes endpoint", () => {
  it("each known-nasty document is refused as invalid (422), not as a server error", async () => {
    const { practitioner, draftId } = await practitionerWithNotes("Nasty");
    for (const document of NASTY_DOCUMENTS) {
      const { status } = await attempt({
        practitioner,
        route: "updateNote",
        method: "PATCH",
        path: `/api/notes/${draftId}`,
        id: draftId,
        body: { bodyJson: document },
      });
      expect(status, JSON.stringify(document).slice(0, 120)).toBe(422);
    }
  });

  it("POST /api/contacts/:id/notes", async () => {
    const { practitioner, clientId } = await practitionerWithNotes("Creator");
    await property(
      hostileBodyArb,
      async (body) => {
        const path = `/api/contacts/${clientId}/notes`;
        const { status, payload } = await attempt({
          practitioner,
          route: "createNote",
          method: "POST",
          path,
          id: clientId,
          body,
        });
        if (status < 400) expect(noteSchema.parse(payload).status).toBe("draft");
      },
      { template: "soap" },
    );
  });

  it("PATCH /api/notes/:id on a draft and on a signed note", async () => {
    const { practitioner, draftId, signedId } = await practitionerWithNotes("Editor");
    await property(
      fc.tuple(hostileBodyArb, fc.boolean()),
      async ([body, signed]) => {
        const id = signed ? signedId : draftId;
        const { status, payload } = await attempt({
          practitioner,
          route: "updateNote",
          method: "PATCH",
          path: `/api/notes/${id}`,
          id,
          body,
        });
        if (signed) expect(status).toBeGreaterThanOrEqual(400);
        if (status < 400) expect(noteSchema.parse(payload).id).toBe(id);
      },
      [{ bodyJson: paragraphs("Good") }, false],
    );
  });

  it("POST /api/notes/:id/sign", async () => {
    const { practitioner, newDraft } = await practitionerWithNotes("Signer");
    let draftId = await newDraft();
    await property(
      hostileBodyArb,
      async (body) => {
        const { status, payload } = await attempt({
          practitioner,
          route: "signNote",
          method: "POST",
          path: `/api/notes/${draftId}/sign`,
          id: draftId,
          body,
        });
        if (status < 400) {
          expect(noteSchema.parse(payload).locked).toBe(true);
          draftId = await newDraft();
        }
      },
      {},
    );
  });

  it("POST /api/notes/:id/amendments on a signed note and on a draft", async () => {
    const { practitioner, draftId, signedId } = await practitionerWithNotes("Amender");
    await property(
      fc.tuple(hostileBodyArb, fc.boolean()),
      async ([body, signed]) => {
        const id = signed ? signedId : draftId;
        const path = `/api/notes/${id}/amendments`;
        const { status, payload } = await attempt({
          practitioner,
          route: "addAmendment",
          method: "POST",
          path,
          id,
          body,
        });
        if (!signed) expect(status).toBeGreaterThanOrEqual(400);
        if (status < 400) expect(noteAmendmentSchema.parse(payload).noteId).toBe(signedId);
      },
      [{ body: "Good" }, true],
    );
  });

  it("GET /api/contacts/:id/notes with odd query strings", async () => {
    const { practitioner, clientId } = await practitionerWithNotes("Reader");
    await property(
      listQueryArb,
      async (query) => {
        const path = `/api/contacts/${clientId}/notes${query}`;
        const { status, payload } = await attempt({
          practitioner,
          route: "listNotes",
          method: "GET",
          path,
          id: clientId,
        });
        if (status < 400) noteListResponse.parse(payload);
      },
      "?limit=5",
    );
  });

  it("GET /api/contacts/:id/notes with crafted cursors answers a page or a 422", async () => {
    const { practitioner, clientId } = await practitionerWithNotes("Cursor");
    await property(hostileKeysetCursor, async (cursor) => {
      const path = `/api/contacts/${clientId}/notes?cursor=${cursor}`;
      const { status, payload } = await attempt({
        practitioner,
        route: "listNotes",
        method: "GET",
        path,
        id: clientId,
      });
      expect([200, 422]).toContain(status);
      if (status < 400) noteListResponse.parse(payload);
    });
  });

  it("every cursor time the check accepts, the database reads", async () => {
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(hostileTimestampText, async (text) => {
        if (!isPostgresTimestamp(text)) return;
        accepted += 1;
        await app.asSystem(sql`select ${text}::timestamptz as at`);
      }),
      { numRuns: 400 },
    );
    expect(accepted).toBeGreaterThan(0);
  });

  it("every route with odd ids where an id belongs", async () => {
    const { practitioner } = await practitionerWithNotes("Prober");
    const routes: [keyof NotesRoutes, string, (id: string) => string][] = [
      ["listNotes", "GET", (id) => `/api/contacts/${id}/notes`],
      ["createNote", "POST", (id) => `/api/contacts/${id}/notes`],
      ["getNote", "GET", (id) => `/api/notes/${id}`],
      ["updateNote", "PATCH", (id) => `/api/notes/${id}`],
      ["deleteNote", "DELETE", (id) => `/api/notes/${id}`],
      ["signNote", "POST", (id) => `/api/notes/${id}/sign`],
      ["addAmendment", "POST", (id) => `/api/notes/${id}/amendments`],
    ];
    await property(fc.tuple(idSegmentArb, fc.constantFrom(...routes)), async ([id, [route, method, path]]) => {
      const body = method === "GET" || method === "DELETE" ? undefined : { bodyJson: paragraphs("x"), body: "x" };
      const { status } = await attempt({ practitioner, route, method, path: path(encodeURIComponent(id)), id, body });
      expect([404, 422]).toContain(status);
    });
  });
});
