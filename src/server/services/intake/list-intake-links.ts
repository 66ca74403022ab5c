import { sql } from "drizzle-orm";
import { z } from "@/lib/zod";
import type { IntakeLinkListResponse } from "@/lib/contracts/intake";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "@/server/services/contacts/context";
import { INTAKE_LINK_COLUMNS, type IntakeLinkRow } from "./intake-link-row";

export const listIntakeLinksInput = z.object({});

/** The practitioner's links, newest first, each with its status (at most the latest 200). */
export async function listIntakeLinks(context: UserContext): Promise<IntakeLinkListResponse> {
  const items = await withUserDb(context.userId, async (tx) =>
    resultRows<IntakeLinkRow>(
      await tx.execute(sql`
        select ${INTAKE_LINK_COLUMNS}
          from public.intake_links
         where user_id = ${context.userId}
         order by created_at desc, id desc
         limit 200`),
    ),
  );
  return { items };
}
