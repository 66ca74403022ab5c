import type { SQL } from "drizzle-orm";
import { expect } from "vitest";
import { noteSchema, type Note } from "@/lib/contracts/notes";
import { signedUpBrowser } from "../auth/fixtures";
import { loadAuthRoutes, type AuthRoutes } from "../auth/load-auth-routes";
import type { TestBrowser } from "../../support/test-browser";

type NextRoute = (request: Request, next?: { params: Promise<Record<string, string>> }) => Promise<Response>;

export interface NotesRoutes {
  listNotes: NextRoute;
  createNote: NextRoute;
  getNote: NextRoute;
  updateNote: NextRoute;
  deleteNote: NextRoute;
  signNote: NextRoute;
  addAmendment: NextRoute;
}

export interface Practitioner {
  id: string;
  browser: TestBrowser;
}

/** The app as the browser reaches it, loaded after the auth harness so every module shares one configuration. */
export async function loadNotesApp(dataDir: string) {
  const auth: AuthRoutes = await loadAuthRoutes({ DATA_DIR: dataDir, NEXT_PUBLIC_SUPABASE_URL: undefined });
  const [contactNotes, note, sign, amendments, contactsService, database, rows] = await Promise.all([
    import("@/app/api/contacts/[id]/notes/route"),
    import("@/app/api/notes/[id]/route"),
    import("@/app/api/notes/[id]/sign/route"),
    import("@/app/api/notes/[id]/amendments/route"),
    import("@/server/services/contacts"),
    import("@/server/db"),
    import("@/server/db/result-rows"),
  ]);
  const routes: NotesRoutes = {
    listNotes: contactNotes.GET,
    createNote: contactNotes.POST,
    getNote: note.GET,
    updateNote: note.PATCH,
    deleteNote: note.DELETE,
    signNote: sign.POST,
    addAmendment: amendments.POST,
  };

  async function signUp(name: string): Promise<Practitioner> {
    const { browser, id } = await signedUpBrowser(auth, name);
    return { browser, id };
  }

  async function addClient(practitioner: Practitioner, displayName: string): Promise<string> {
    const input = contactsService.createContactInput.parse({ displayName });
    return (await contactsService.createContact({ userId: practitioner.id }, { ...input, allowDuplicate: true })).id;
  }

  /** Calls a route handler the way Next does: a real Request plus the dynamic segment. */
  function call(
    practitioner: Practitioner,
    handler: NextRoute,
    method: string,
    path: string,
    options: { id: string; body?: unknown },
  ): Promise<Response> {
    const request = practitioner.browser.request(
      method,
      path,
      options.body === undefined ? {} : { body: options.body },
    );
    return handler(request, { params: Promise.resolve({ id: options.id }) });
  }

  /** Raw SQL as the practitioner, under row level security. */
  function asUser<Row>(userId: string, statement: SQL): Promise<Row[]> {
    return database.withUserDb(userId, async (tx) => rows.resultRows<Row>(await tx.execute(statement)));
  }

  /** Raw SQL on the privileged connection (what a script or a bug outside RLS could do). */
  function asSystem<Row>(statement: SQL): Promise<Row[]> {
    return database.withSystemDb("notes-test", async (tx) => rows.resultRows<Row>(await tx.execute(statement)));
  }

  return { routes, contactsService, signUp, addClient, call, asUser, asSystem };
}

export type NotesApp = Awaited<ReturnType<typeof loadNotesApp>>;

/** Parses a note answer with the very schema the browser uses. */
export async function noteFrom(response: Response, status = 200): Promise<Note> {
  expect(response.status, await describeFailure(response, status)).toBe(status);
  return noteSchema.parse(await response.json());
}

async function describeFailure(response: Response, expected: number): Promise<string> {
  return response.status === expected ? "" : `unexpected ${response.status}: ${await response.clone().text()}`;
}

export const paragraphs = (...lines: string[]) => ({
  type: "doc",
  content: lines.map((line) => ({ type: "paragraph", content: [{ type: "text", text: line }] })),
});
