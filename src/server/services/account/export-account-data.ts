import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import type { ZipArchive } from "archiver";
import { sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import { exportContactsQuery } from "@/lib/contracts/contact-csv";
import { withSystemDb, withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { AppError } from "@/server/errors";
import { log } from "@/server/observability/logger";
import { getObject } from "@/server/storage";
import { recordAuditEvent } from "@/server/services/audit";
import { exportCsvContacts } from "@/server/services/contact-csv";
import { appendEntry, newArchive, tableJson, type TableRead } from "./account-archive";
import { tableShape, tablesWithUserId } from "./user-data-catalog";
import { FOREIGN_SCHEMAS, USER_DATA_TABLES, userDataTable } from "./user-data-tables";

export const exportAccountDataInput = z.object({ userId: z.uuid() });

export interface AccountExport {
  fileName: string;
  stream: ReadableStream<Uint8Array>;
}

interface ExportPlan {
  reads: (TableRead & { excluded: Record<string, string> })[];
  notExported: { table: string; reason: string }[];
}

/** Which tables the export reads and how, from the data table checked against the live catalog. */
async function exportPlan(): Promise<ExportPlan> {
  return withSystemDb("account-export-plan", async (tx) => {
    const catalog = await tablesWithUserId(tx);
    const unknown = catalog.filter((table) => !userDataTable(table) && !(table.split(".")[0]! in FOREIGN_SCHEMAS));
    // A table nobody classified might hold secrets or be missed: refuse rather than guess.
    if (unknown.length > 0) throw new Error(`export does not know the tables ${unknown.join(", ")}`);
    const present = new Set([...catalog, "auth.users"]);
    const plan: ExportPlan = { reads: [], notExported: [] };
    for (const entry of USER_DATA_TABLES) {
      if (!present.has(entry.table)) continue;
      if (entry.export.via === "skip") {
        plan.notExported.push({ table: entry.table, reason: entry.export.reason });
        continue;
      }
      const { exclude = {}, only } = entry.export;
      const shape = await tableShape(tx, entry.table);
      const columns = shape.columns.filter((column) => !(column in exclude) && (!only || only.includes(column)));
      plan.reads.push({ ...entry, via: entry.export.via, columns, orderBy: shape.orderBy, excluded: exclude });
    }
    return plan;
  });
}

const README = `OmniCRM data export
===================

data/<schema>.<table>.json  every row of yours in that table, one JSON array per table
clients.csv                 your clients in the same CSV format as Clients -> Export (re-importable)
files/<path>                your stored files (client photos), under the path they were stored at
manifest.json               when this export was made, row counts per table, columns left out and why

Left out on purpose: password hashes, session and link token hashes, and encrypted integration
tokens (secrets, useless outside the app), plus internal work queues. manifest.json lists each.
`;

/** Streams the ZIP: tables, clients.csv, files, then the manifest with the counts seen on the way. */
async function writeArchive(archive: ZipArchive, userId: string, plan: ExportPlan, now: Date): Promise<void> {
  await appendEntry(archive, "README.txt", README);
  const tables: { table: string; file: string; rows: number; excludedColumns: Record<string, string> }[] = [];
  for (const read of plan.reads) {
    const file = `data/${read.table}.json`;
    let rows = 0;
    await appendEntry(
      archive,
      file,
      tableJson(read, userId, (count) => (rows = count)),
    );
    tables.push({ table: read.table, file, rows, excludedColumns: read.excluded });
  }
  const csv = await exportCsvContacts({ userId }, exportContactsQuery.parse({}), now);
  await appendEntry(archive, "clients.csv", Readable.fromWeb(csv.stream as NodeReadableStream));

  const photos = await withUserDb(userId, async (tx) =>
    resultRows<{ photo_path: string }>(
      await tx.execute(sql`select photo_path from public.contacts
                            where user_id = ${userId} and photo_path is not null order by photo_path`),
    ),
  );
  const files: { path: string; bytes: number }[] = [];
  const missingFiles: string[] = [];
  for (const { photo_path: path } of photos) {
    const object = await getObject(path).catch((error: unknown) => {
      if (error instanceof AppError && error.status === 404) return null;
      throw error;
    });
    if (!object) {
      missingFiles.push(path);
      continue;
    }
    await appendEntry(archive, `files/${path}`, Readable.fromWeb(object.body as NodeReadableStream));
    files.push({ path: `files/${path}`, bytes: object.size });
  }
  const manifest = {
    format: 1,
    generatedAt: now.toISOString(),
    account: { id: userId },
    tables,
    notExported: plan.notExported,
    clientsCsv: "clients.csv",
    files,
    missingFiles,
  };
  await appendEntry(archive, "manifest.json", `${JSON.stringify(manifest, null, 2)}\n`);
  await archive.finalize();
}

/**
 * Everything the account holds as one streamed ZIP. The plan is made (and the export audited) before
 * answering, so a refusal is an error response; a failure mid-stream aborts the download.
 */
export async function exportAccountData(
  input: z.output<typeof exportAccountDataInput>,
  now: Date = new Date(),
): Promise<AccountExport> {
  const plan = await exportPlan();
  await withUserDb(input.userId, (tx) =>
    recordAuditEvent(tx, {
      userId: input.userId,
      action: "account.exported",
      target: { type: "account", id: input.userId },
      metadata: { tables: plan.reads.length },
    }),
  );
  const archive = newArchive();
  writeArchive(archive, input.userId, plan, now).catch((error: unknown) => {
    log().error({ err: error }, "account export failed mid-stream");
    archive.destroy(error instanceof Error ? error : new Error(String(error)));
  });
  return {
    fileName: `omnicrm-export-${now.toISOString().slice(0, 10)}.zip`,
    stream: Readable.toWeb(archive) as ReadableStream<Uint8Array>,
  };
}
