import { sql } from "drizzle-orm";
import {
  NOTIFICATION_KINDS,
  updateNotificationSettingInput,
  type NotificationKind,
  type NotificationSetting,
  type NotificationSettingsResponse,
  type UpdateNotificationSettingInput,
} from "@/lib/contracts/notifications";
import { withUserDb, type DbExecutor } from "@/server/db";
import { AppError } from "@/server/errors";
import { resultRows } from "@/server/db/result-rows";
import type { UserContext } from "@/server/services/contacts";
import { kindDefinition } from "./notification-kinds";

export { updateNotificationSettingInput };

/** The kinds that can email at all: the only ones with a setting. */
const EMAILING_KINDS = NOTIFICATION_KINDS.filter((kind) => kindDefinition(kind).email !== null);

/** Whether `userId` wants an email for `kind`: their stored choice, else the kind's default. */
export async function wantsEmail(db: DbExecutor, userId: string, kind: NotificationKind): Promise<boolean> {
  const email = kindDefinition(kind).email;
  if (!email) return false;
  const [row] = resultRows<{ email: boolean }>(
    await db.execute(sql`select email from public.notification_settings where user_id = ${userId} and kind = ${kind}`),
  );
  return row?.email ?? email.byDefault;
}

async function readSettings(db: DbExecutor, userId: string): Promise<NotificationSetting[]> {
  const rows = resultRows<{ kind: string; email: boolean }>(
    await db.execute(sql`select kind, email from public.notification_settings where user_id = ${userId}`),
  );
  const stored = new Map(rows.map((row) => [row.kind, row.email]));
  return EMAILING_KINDS.map((kind) => ({
    kind,
    email: stored.get(kind) ?? kindDefinition(kind).email?.byDefault ?? false,
  }));
}

/** Every kind's email switch, defaults filled in. */
export async function getNotificationSettings(context: UserContext): Promise<NotificationSettingsResponse> {
  return { items: await withUserDb(context.userId, (tx) => readSettings(tx, context.userId)) };
}

/** Sets one kind's email switch and answers with them all. */
export async function updateNotificationSetting(
  context: UserContext,
  input: UpdateNotificationSettingInput,
): Promise<NotificationSettingsResponse> {
  if (!kindDefinition(input.kind).email)
    throw new AppError("validation_failed", "This kind of notification never sends email", {
      details: [{ path: "kind", message: "This kind of notification never sends email" }],
    });
  const { userId } = context;
  return {
    items: await withUserDb(userId, async (tx) => {
      await tx.execute(sql`
        insert into public.notification_settings (user_id, kind, email) values (${userId}, ${input.kind}, ${input.email})
        on conflict (user_id, kind) do update set email = excluded.email, updated_at = now()`);
      return readSettings(tx, userId);
    }),
  };
}
