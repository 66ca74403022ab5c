import { sql } from "drizzle-orm";
import { createIntakeLinkInput, type CreateIntakeLinkInput, type IntakeLink } from "@/lib/contracts/intake";
import { withUserDb } from "@/server/db";
import { resultRows } from "@/server/db/result-rows";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "@/server/services/contacts/context";
import { INTAKE_LINK_COLUMNS } from "./intake-link-row";
import { newIntakeToken } from "./intake-token";

export { createIntakeLinkInput };

/** Creates a link and returns it with its token: the only moment the token exists outside the client's URL. */
export async function createIntakeLink(
  context: UserContext,
  input: CreateIntakeLinkInput,
): Promise<{ link: IntakeLink; token: string }> {
  const { token, tokenHash } = newIntakeToken();
  return withUserDb(context.userId, async (tx) => {
    const [link] = resultRows<IntakeLink>(
      await tx.execute(sql`
        insert into public.intake_links (user_id, label, token_hash, expires_at, max_uses)
        values (${context.userId}, ${input.label}, ${tokenHash},
                now() + make_interval(hours => ${input.expiresInHours}), ${input.maxUses})
        returning ${INTAKE_LINK_COLUMNS}`),
    );
    if (!link) throw new Error("a created intake link could not be read back");
    await recordAuditEvent(tx, {
      userId: context.userId,
      action: "intake_link.created",
      target: { type: "intake_link", id: link.id },
      metadata: { expiresInHours: input.expiresInHours, maxUses: input.maxUses },
    });
    return { link, token };
  });
}
