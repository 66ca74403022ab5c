import { Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { sql } from "drizzle-orm";
import { withSystemDb, withUserDb, type DbTransaction } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { log } from "@/server/observability/logger";
import { columnList, tableIdentifier } from "./user-data-catalog";

/** Rows read per query while a table streams into the archive. */
const PAGE_SIZE = 500;

/** One table as the export reads it: which columns, in which order, on which path. */
export interface TableRead {
  table: string;
  owner: string;
  via: "user" | "system";
  columns: string[];
  orderBy: string[];
}

export function newArchive(): ZipArchive {
  const archive = new ZipArchive({ zlib: { level: 6 } });
  // A failure reaches the download as an aborted stream; without a listener it would crash the process.
  archive.on("error", (error) => log().warn({ err: error }, "account export archive failed"));
  return archive;
}

/**
 * Appends one entry and resolves once the archive has written it, so entries (and the database
 * reads or files behind them) run one at a time and memory holds a page, never the whole export.
 */
export function appendEntry(archive: ZipArchive, name: string, source: Readable | string): Promise<void> {
  return new Promise((resolve, reject) => {
    const cleanup = () => {
      archive.off("entry", done);
      archive.off("error", failed);
      archive.off("close", closed);
    };
    const done = () => {
      cleanup();
      resolve();
    };
    const failed = (error: Error) => {
      cleanup();
      reject(error);
    };
    const closed = () => failed(new Error("the archive was closed (download cancelled)"));
    archive.once("entry", done);
    archive.once("error", failed);
    archive.once("close", closed);
    archive.append(source, { name, date: new Date() });
  });
}

function run<T>(read: TableRead, userId: string, fn: (tx: DbTransaction) => Promise<T>): Promise<T> {
  return read.via === "user" ? withUserDb(userId, fn) : withSystemDb("account-export", fn);
}

/**
 * A table's rows as one JSON array, read page by page. Postgres renders each row (row_to_json), so
 * timestamps, bytes and JSON read the same on PGlite and Postgres. `counted` gets the row total.
 */
export function tableJson(read: TableRead, userId: string, counted: (rows: number) => void): Readable {
  async function* lines(): AsyncGenerator<string> {
    let rows = 0;
    yield "[";
    for (let offset = 0; ; offset += PAGE_SIZE) {
      const page = await run(read, userId, async (tx) =>
        resultRows<{ row: string }>(
          await tx.execute(sql`
            select row_to_json(r)::text as row from (
              select ${columnList(read.columns)} from ${tableIdentifier(read.table)}
               where ${sql.identifier(read.owner)} = ${userId}
               order by ${columnList(read.orderBy)}
               limit ${PAGE_SIZE} offset ${offset}) r`),
        ),
      );
      for (const { row } of page) {
        yield `${rows === 0 ? "\n" : ",\n"}  ${row}`;
        rows += 1;
      }
      if (page.length < PAGE_SIZE) break;
    }
    yield rows === 0 ? "]\n" : "\n]\n";
    counted(rows);
  }
  return Readable.from(lines());
}
