import { sql } from "drizzle-orm";
import { beforeEach, describe, expect, it } from "vitest";
import { getDatabase } from "@/server/db";
import { parseJobsCommand, runJobsCommand, type JobsCommand } from "../../../scripts/jobs-cli";
import { clearJobs, insertRawJob, jobRow, rows } from "./job-helpers";

const run = async (...argv: string[]) => {
  const command = parseJobsCommand(argv) as Exclude<JobsCommand, { command: "help" }>;
  return runJobsCommand((await getDatabase()).db, command);
};

const kill = (id: string) =>
  rows(
    sql`update app_private.jobs set status = 'dead', attempts = max_attempts, last_error = 'boom', finished_at = now() where id = ${id}`,
  );

describe("npm run jobs", () => {
  beforeEach(clearJobs);

  it("lists jobs filtered by state and kind", async () => {
    const dead = await insertRawJob("mail.send", 3);
    await kill(dead);
    const waiting = await insertRawJob("mail.send", 3);
    const other = await insertRawJob("calendar.remind", 3);
    const deadList = await run("list", "--state", "dead");
    expect(deadList).toContain(dead);
    expect(deadList).toContain("3/3");
    expect(deadList).toContain("boom");
    expect(deadList).not.toContain(waiting);
    const byKind = await run("list", "--kind", "mail.send");
    expect(byKind).toContain(dead);
    expect(byKind).toContain(waiting);
    expect(byKind).not.toContain(other);
    expect(await run("list", "--state", "running")).toContain("(no rows)");
  });

  it("retries one dead job, or all of them, with a fresh attempt budget", async () => {
    const [a, b, c] = [
      await insertRawJob("mail.send", 3),
      await insertRawJob("mail.send", 3),
      await insertRawJob("x.y", 3),
    ];
    for (const id of [a, b, c]) await kill(id);
    expect(await run("retry", a)).toBe(`job ${a} queued again`);
    expect(await jobRow(a)).toMatchObject({ status: "queued", attempts: 0, last_error: "boom" });
    expect(await run("retry", "--all-dead", "--kind", "mail.send")).toBe("1 dead job(s) queued again");
    expect(await jobRow(b)).toMatchObject({ status: "queued", attempts: 0 });
    expect(await jobRow(c)).toMatchObject({ status: "dead" });
    expect(await run("retry", "--all-dead")).toBe("1 dead job(s) queued again");
  });

  it("discards a job, refuses a running one and says when a job does not exist", async () => {
    const dead = await insertRawJob("mail.send", 3);
    await kill(dead);
    expect(await run("discard", dead)).toBe(`job ${dead} discarded`);
    expect(await jobRow(dead)).toBeUndefined();
    await expect(run("discard", dead)).rejects.toMatchObject({ code: 3 });
    const running = await insertRawJob("mail.send", 3);
    await rows(
      sql`update app_private.jobs set status = 'running', locked_until = now() + interval '1 minute' where id = ${running}`,
    );
    await expect(run("discard", running)).rejects.toMatchObject({ code: 4 });
    await expect(run("retry", running)).rejects.toMatchObject({ code: 4 });
    expect(await jobRow(running)).toMatchObject({ status: "running" });
  });

  it("refuses malformed commands as usage errors", () => {
    for (const argv of [
      [],
      ["retry"],
      ["retry", "not-a-uuid"],
      ["list", "--state", "failed"],
      ["frobnicate"],
      ["list", "--limit", "0"],
    ])
      expect(() => parseJobsCommand(argv), argv.join(" ")).toThrow(expect.objectContaining({ name: "UsageError" }));
  });
});
