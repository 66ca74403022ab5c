import { sql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import type { EmailMessage, TimelinePage } from "@/lib/contracts/timeline";
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

const storedSubjects = async (userId: string) =>
  (
    await systemRows<{ subject: string }>(
      sql`select subject from public.email_messages where user_id = ${userId} order by sent_at, subject`,
    )
  ).map((row) => row.subject);

describe("Gmail sync", () => {
  it("follows history through empty pages, propagates deletions and trash, and stays idempotent", async () => {
    const ann = await signUp(app, "Ann");
    await createClient(ann, "Bo", "bo@example.com");
    const me = app.google.state.account.email;
    expect(await connect(app, ann)).toBe("connected");
    await runJobs();
    const connection = await connectionOf(ann.id);
    const start = connection?.history_id;
    expect(start).toMatch(/^\d+$/);

    const first = app.google.state.addMail({ from: "bo@example.com", to: [me], subject: "One" });
    const second = app.google.state.addMail({
      from: me,
      to: ["bo@example.com"],
      cc: ["x@else.example"],
      subject: "Two",
    });
    app.google.state.addMail({ from: "nobody@else.example", to: [me], subject: "Not stored" });
    app.google.state.emptyHistoryPages = 3;
    app.google.state.pageSize = 1;
    await syncNow(connection?.id ?? "");
    app.google.state.emptyHistoryPages = 0;
    app.google.state.pageSize = 100;
    expect(await storedSubjects(ann.id)).toEqual(["One", "Two"]);
    const after = await connectionOf(ann.id);
    expect(Number(after?.history_id)).toBe(app.google.state.historyId);
    expect(after?.messages_imported).toBe(2);

    // Running again over the same history (as after a crash before the job was marked done) adds nothing.
    await systemRows(sql`update public.google_connections set history_id = ${start ?? null} where user_id = ${ann.id}`);
    await syncNow(connection?.id ?? "");
    expect(await storedSubjects(ann.id)).toEqual(["One", "Two"]);
    expect((await connectionOf(ann.id))?.messages_imported).toBe(2);

    app.google.state.deleteMail(first.id);
    app.google.state.relabel(second.id, ["TRASH"]);
    await syncNow(connection?.id ?? "");
    expect(await storedSubjects(ann.id)).toEqual([]);
  });

  it("a stale historyId (404) runs one bounded full resync instead of failing", async () => {
    const ben = await signUp(app, "Ben");
    await createClient(ben, "Cy", "cy@example.com");
    const me = app.google.state.account.email;
    expect(await connect(app, ben)).toBe("connected");
    await runJobs();
    app.google.state.addMail({ from: "cy@example.com", to: [me], subject: "While away" });
    app.google.state.expireHistory();
    const error = await syncNow((await connectionOf(ben.id))?.id ?? "");
    expect(error).toBeUndefined();
    app.google.state.historyFloor = 0;
    expect(await storedSubjects(ben.id)).toContain("While away");
    const row = await connectionOf(ben.id);
    expect(row).toMatchObject({ status: "connected", stale_history_resyncs: 1 });
    expect(Number(row?.history_id)).toBe(app.google.state.historyId);
  });

  it("Gmail outages mark the connection failing with a reason and rethrow for the job's backoff", async () => {
    const cat = await signUp(app, "Cat");
    expect(await connect(app, cat)).toBe("connected");
    await runJobs();
    app.google.state.fail("GET /gmail/v1/users/me/history", 503, "backendError", 10);
    const error = await syncNow((await connectionOf(cat.id))?.id ?? "");
    app.google.state.faults.length = 0;
    expect(error).toMatchObject({ name: "GoogleError", kind: "unavailable" });
    expect(String((error as Error).message)).not.toMatch(/ya29|1\/\//);
    expect(await connectionOf(cat.id)).toMatchObject({ status: "failing" });
    expect((await connectionOf(cat.id))?.status_reason).toMatch(/could not be reached/);
    await syncNow((await connectionOf(cat.id))?.id ?? "");
    expect(await connectionOf(cat.id)).toMatchObject({ status: "connected", status_reason: null });
  });

  it("puts emails and notes on one timeline, newest first, paged and filtered; reading one is audited", async () => {
    const dan = await signUp(app, "Dan");
    const eli = await createClient(dan, "Eli", "eli@example.com");
    const me = app.google.state.account.email;
    const noteId = await dan.addNote(eli, "First session went well");
    for (let day = 5; day >= 1; day -= 1)
      app.google.state.addMail({
        from: "Eli <eli@example.com>",
        to: [me],
        subject: `Day ${day}`,
        html: `<p>Body of day ${day}</p>`,
        date: new Date(Date.now() - day * 86_400_000),
        attachments: day === 1 ? [{ name: "intake.pdf", size: 2048 }] : [],
      });
    expect(await connect(app, dan)).toBe("connected");
    await runJobs();

    const first = await dan.expect<TimelinePage>(200, "GET", `/api/contacts/${eli}/timeline?limit=3`);
    expect(first.entries.map((entry) => entry.kind)).toEqual(["note", "email", "email"]);
    expect(first.entries[0]).toMatchObject({ id: noteId, excerpt: "First session went well" });
    expect(first.entries[1]).toMatchObject({
      subject: "Day 1",
      attachmentCount: 1,
      from: { email: "eli@example.com" },
    });
    const second = await dan.expect<TimelinePage>(
      200,
      "GET",
      `/api/contacts/${eli}/timeline?limit=3&cursor=${first.nextCursor ?? ""}`,
    );
    expect(second.entries.map((entry) => (entry.kind === "email" ? entry.subject : entry.kind))).toEqual([
      "Day 3",
      "Day 4",
      "Day 5",
    ]);
    expect(second.nextCursor).toBeNull();
    const emailsOnly = await dan.expect<TimelinePage>(200, "GET", `/api/contacts/${eli}/timeline?kind=email`);
    expect(emailsOnly.entries).toHaveLength(5);
    const notesOnly = await dan.expect<TimelinePage>(200, "GET", `/api/contacts/${eli}/timeline?kind=note`);
    expect(notesOnly.entries.map((entry) => entry.id)).toEqual([noteId]);

    const opened = await dan.expect<EmailMessage>(200, "GET", `/api/contacts/${eli}/emails/${first.entries[1]?.id}`);
    expect(opened).toMatchObject({
      subject: "Day 1",
      body: "Body of day 1",
      attachments: [{ name: "intake.pdf", size: 2048 }],
    });
    const views = await systemRows<{ target_id: string }>(
      sql`select target_id from public.audit_events where user_id = ${dan.id} and action = 'email.viewed'`,
    );
    expect(views).toEqual([{ target_id: opened.id }]);
  });

  it("erasing a client erases the mail stored because of them", async () => {
    const fox = await signUp(app, "Fox");
    const gil = await createClient(fox, "Gil", "gil@example.com");
    const hana = await createClient(fox, "Hana", "hana@example.com");
    const me = app.google.state.account.email;
    app.google.state.addMail({ from: "gil@example.com", to: [me], subject: "Only Gil" });
    app.google.state.addMail({ from: "gil@example.com", to: [me], cc: ["hana@example.com"], subject: "Both" });
    expect(await connect(app, fox)).toBe("connected");
    await runJobs();
    expect(await storedSubjects(fox.id)).toEqual(expect.arrayContaining(["Only Gil", "Both"]));
    await fox.expect(204, "DELETE", `/api/contacts/${gil}`);
    expect(await storedSubjects(fox.id)).toEqual(["Both"]);
    const timeline = await fox.expect<TimelinePage>(200, "GET", `/api/contacts/${hana}/timeline`);
    expect(timeline.entries).toHaveLength(1);
  });
});
