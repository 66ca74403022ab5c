import { z } from "@/lib/zod";
import type { NotificationKind } from "@/lib/contracts/notifications";

/** An email a kind sends when the practitioner wants it: text only, and never health details. */
export interface NotificationEmail {
  subject: string;
  text: string;
}

/** Everything that varies by kind, as data: the module that posts a kind adds a row here, nothing else branches. */
export interface NotificationKindDefinition<Data> {
  /** The structured fields stored with the notification; `notify` refuses anything else. */
  data: z.ZodType<Data>;
  /** What the bell shows, built from the fields (plain text; the UI escapes it like any text). */
  title: (data: Data) => string;
  /** The client it is about (erased with the client), if any. */
  contactId: (data: Data) => string | null;
  /** Same key, same event: posting it again adds nothing. */
  dedupeKey: (data: Data) => string;
  /**
   * The app path opening it leads to, from the fields and the client it is about now (a merge moves
   * a notification to the client kept, so the stored fields may name one that is gone).
   */
  href: (data: Data, contactId: string | null) => string | null;
  /** Null: this kind never emails. */
  email: { byDefault: boolean; message: (data: Data, link: string | null) => NotificationEmail } | null;
}

const intakeSubmitted = z.strictObject({
  /** The client the submission created or updated; one submission, one client. */
  contactId: z.uuid(),
  firstName: z.string().min(1).max(100),
});

/** The fields each kind stores. */
const KIND_DATA = {
  "intake.submitted": intakeSubmitted,
} satisfies Record<NotificationKind, z.ZodType>;

export type NotificationData<K extends NotificationKind> = z.infer<(typeof KIND_DATA)[K]>;

const intakeTitle = (data: NotificationData<"intake.submitted">) => `A new intake form from ${data.firstName} arrived`;

export const NOTIFICATION_KIND_DEFINITIONS: {
  [K in NotificationKind]: NotificationKindDefinition<NotificationData<K>>;
} = {
  "intake.submitted": {
    data: KIND_DATA["intake.submitted"],
    title: intakeTitle,
    contactId: (data) => data.contactId,
    dedupeKey: (data) => data.contactId,
    href: (_data, contactId) => (contactId ? `/clients/${contactId}` : null),
    email: {
      byDefault: true,
      // The first name and a link: the answers themselves stay behind the sign-in.
      message: (data, link) => ({
        subject: intakeTitle(data),
        text: [
          `${intakeTitle(data)}.`,
          "",
          ...(link ? ["Open it in OmniCRM:", link, ""] : []),
          "You get this email because Settings → Notifications says to. You can turn it off there.",
        ].join("\n"),
      }),
    },
  },
};

/** The definition of a kind, typed loosely for the code that handles every kind alike. */
export function kindDefinition(kind: NotificationKind): NotificationKindDefinition<unknown> {
  // Each definition's functions take its own kind's fields; callers pass only data its schema parsed.
  return NOTIFICATION_KIND_DEFINITIONS[kind] as unknown as NotificationKindDefinition<unknown>;
}
