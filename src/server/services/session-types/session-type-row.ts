import { and, asc, eq, sql } from "drizzle-orm";
import type { LocationKind, SessionType } from "@/lib/contracts/session-types";
import type { DbTransaction } from "@/server/db";
import { sessionTypes } from "@/server/db/schema";

type SessionTypeRow = typeof sessionTypes.$inferSelect;

/** "79.50" → 7950; the contract has already checked the shape. */
export function priceToMinor(price: string | null): number | null {
  if (price === null) return null;
  const [whole = "0", fraction = ""] = price.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

function minorToPrice(minor: number | null): string | null {
  if (minor === null) return null;
  return `${Math.floor(minor / 100)}.${String(minor % 100).padStart(2, "0")}`;
}

export function toSessionType(row: SessionTypeRow): SessionType {
  return {
    id: row.id,
    name: row.name,
    durationMinutes: row.durationMinutes,
    price: minorToPrice(row.priceMinor),
    currency: row.currency,
    color: row.color,
    bufferBeforeMinutes: row.bufferBeforeMinutes,
    bufferAfterMinutes: row.bufferAfterMinutes,
    minNoticeMinutes: row.minNoticeMinutes,
    maxDaysAhead: row.maxDaysAhead,
    clientBookable: row.clientBookable,
    locationKind: row.locationKind as LocationKind,
    locationDetail: row.locationDetail,
    archived: row.archivedAt !== null,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The practitioner's session types (or one), offered ones first, each group by name. */
export async function selectSessionTypes(tx: DbTransaction, userId: string, id?: string): Promise<SessionType[]> {
  const rows = await tx
    .select()
    .from(sessionTypes)
    .where(and(eq(sessionTypes.userId, userId), id === undefined ? undefined : eq(sessionTypes.id, id)))
    .orderBy(sql`${sessionTypes.archivedAt} is not null`, asc(sql`lower(${sessionTypes.name})`), asc(sessionTypes.id));
  return rows.map(toSessionType);
}
