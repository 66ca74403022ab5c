import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { BlocklistEntry, SenderSuggestion } from "@/lib/contracts/google";
import { systemRows } from "../contacts/client-records-api";
import {
  connect,
  connectionOf,
  createClient,
  loadGoogleApp,
  runJobs,
  signUp,
  syncNow,
  type GoogleApp,
} from "./google-app";

let app: GoogleApp;

beforeAll(async () => {
  app = await loadGoogleApp();
});

const subjects = async (userId: string) =>
  (
    await systemRows<{ subject: string }>(
      sql`select subject from public.email_messages where user_id = ${userId} order by subject`,
    )
  ).map((row) => row.subject);

describe("sender suggestions and the blocklist", () => {
  it("suggests an unknown sender after three emails, never creates a client, and forgets a dismissed one", async () => {
    const amy = await signUp(app, "Amy");
    const me = app.google.state.account.email;
    for (const n of [1, 2, 3])
      app.google.state.addMail({ from: `"Sam New" <sam@new.example>`, to: [me], subject: `Hi ${n}` });
    for (const n of [1, 2]) app.google.state.addMail({ from: "twice@new.example", to: [me], subject: `Two ${n}` });
    app.google.state.addMail({ from: me, to: ["sam@new.example"], subject: "Sent by me" });
    expect(await connect(app, amy)).toBe("connected");
    await runJobs();
    const { items } = await amy.expect<{ items: SenderSuggestion[] }>(
      200,
      "GET",
      "/api/integrations/google/suggestions",
    );
    expect(items.map((item) => [item.email, item.displayName, item.messageCount])).toEqual([
      ["sam@new.example", "Sam New", 3],
    ]);
    expect(await systemRows(sql`select 1 from public.contacts where user_id = ${amy.id}`)).toEqual([]);
    expect(await subjects(amy.id)).toEqual([]);

    const other = await signUp(app, "Other");
    await other.expect(404, "POST", "/api/integrations/google/suggestions/dismiss", { email: "sam@new.example" });
    await amy.expect(204, "POST", "/api/integrations/google/suggestions/dismiss", { email: "sam@new.example" });
    expect(
      (await amy.expect<{ items: SenderSuggestion[] }>(200, "GET", "/api/integrations/google/suggestions")).items,
    ).toEqual([]);
  });

  it("blocking an address or a domain purges the stored mail and stops importing it", async () => {
    const bea = await signUp(app, "Bea");
    await createClient(bea, "Cal", "cal@work.example");
    await createClient(bea, "Dot", "dot@home.example");
    const me = app.google.state.account.email;
    app.google.state.addMail({ from: "cal@work.example", to: [me], subject: "From Cal" });
    app.google.state.addMail({ from: "dot@home.example", to: [me], subject: "From Dot" });
    expect(await connect(app, bea)).toBe("connected");
    await runJobs();
    expect(await subjects(bea.id)).toEqual(["From Cal", "From Dot"]);

    await bea.expect(422, "POST", "/api/integrations/google/blocklist", { pattern: "not an address" });
    await bea.expect(422, "POST", "/api/integrations/google/blocklist", { pattern: "@nodot" });
    const entry = await bea.expect<BlocklistEntry>(201, "POST", "/api/integrations/google/blocklist", {
      pattern: " @Work.Example ",
    });
    expect(entry.pattern).toBe("@work.example");
    await bea.expect(409, "POST", "/api/integrations/google/blocklist", { pattern: "@work.example" });
    expect(await subjects(bea.id)).toEqual(["From Dot"]);

    app.google.state.addMail({ from: "cal@work.example", to: [me], subject: "Cal again" });
    app.google.state.addMail({ from: "dot@home.example", to: [me], subject: "Dot again" });
    await syncNow((await connectionOf(bea.id))?.id ?? "");
    expect(await subjects(bea.id)).toEqual(["Dot again", "From Dot"]);

    const bob = await signUp(app, "Bob");
    expect(
      (await bob.expect<{ items: BlocklistEntry[] }>(200, "GET", "/api/integrations/google/blocklist")).items,
    ).toEqual([]);
    await bob.expect(404, "DELETE", `/api/integrations/google/blocklist/${entry.id}`);
    expect(
      (await bea.expect<{ items: BlocklistEntry[] }>(200, "GET", "/api/integrations/google/blocklist")).items,
    ).toEqual([entry]);
    const removed = await bea.send("DELETE", `/api/integrations/google/blocklist/${entry.id}`);
    expect(removed.status).toBe(204);
    const events = await systemRows<{ action: string; metadata: Record<string, unknown> }>(
      sql`select action, metadata from public.audit_events where user_id = ${bea.id} and action like 'email.blocklist%' order by occurred_at`,
    );
    expect(events).toEqual([
      { action: "email.blocklist_added", metadata: { domain: true, purgedMessages: 1 } },
      { action: "email.blocklist_removed", metadata: {} },
    ]);
  });
});
