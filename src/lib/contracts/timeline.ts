import { z } from "@/lib/zod";

/** Contracts for `GET /api/contacts/:id/timeline` and `GET /api/contacts/:id/emails/:emailId`. */

export const TIMELINE_KINDS = ["note", "email"] as const;
export type TimelineKind = (typeof TIMELINE_KINDS)[number];

export const TIMELINE_PAGE_SIZE = 20;

export const timelineQuery = z.object({
  kind: z.enum(TIMELINE_KINDS).optional(),
  cursor: z.string().min(1).max(300).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(TIMELINE_PAGE_SIZE),
});
export type TimelineQuery = z.output<typeof timelineQuery>;

const emailAddress = z.object({ name: z.string().nullable(), email: z.string() });

export const timelineEntrySchema = z.discriminatedUnion("kind", [
  z.object({
    kind: z.literal("note"),
    id: z.uuid(),
    at: z.iso.datetime({ offset: true }),
    status: z.enum(["draft", "final"]),
    /** The first characters of the note's text. */
    excerpt: z.string(),
  }),
  z.object({
    kind: z.literal("email"),
    id: z.uuid(),
    at: z.iso.datetime({ offset: true }),
    threadId: z.string(),
    direction: z.enum(["sent", "received"]),
    subject: z.string(),
    snippet: z.string(),
    from: emailAddress.nullable(),
    attachmentCount: z.number().int(),
  }),
]);
export type TimelineEntry = z.infer<typeof timelineEntrySchema>;

export const timelinePageSchema = z.object({
  entries: z.array(timelineEntrySchema),
  nextCursor: z.string().nullable(),
});
export type TimelinePage = z.infer<typeof timelinePageSchema>;

/** One email opened on the timeline (reading it is audited). */
export const emailMessageSchema = z.object({
  id: z.uuid(),
  threadId: z.string(),
  direction: z.enum(["sent", "received"]),
  subject: z.string(),
  from: emailAddress.nullable(),
  to: z.array(emailAddress),
  cc: z.array(emailAddress),
  sentAt: z.iso.datetime({ offset: true }),
  body: z.string(),
  bodyTruncated: z.boolean(),
  attachments: z.array(z.object({ name: z.string(), size: z.number().int() })),
});
export type EmailMessage = z.infer<typeof emailMessageSchema>;

export const emailParams = z.object({ id: z.uuid(), emailId: z.uuid() });
