/**
 * Every TanStack Query key the browser caches under, in one place: a mutation invalidates by these, so
 * what it refreshes is readable here. A key's first element is its family; invalidating the family
 * refreshes every list, count and page in it.
 */
export const queryKeys = {
  /** The clients list: pages per search and filters, and counts. */
  contacts: {
    all: ["contacts"] as const,
    list: (query: string) => ["contacts", "list", query] as const,
    count: (query: string) => ["contacts", "count", query] as const,
  },
  tags: ["tags"] as const,
  /** Settings → Session types and the calendar's pickers. */
  sessionTypes: ["session-types"] as const,
  /** Appointments: one calendar range, one client's list, today's sessions. */
  appointments: {
    all: ["appointments"] as const,
    range: (from: string, to: string) => ["appointments", "range", from, to] as const,
    ofContact: (contactId: string) => ["appointments", "contact", contactId] as const,
  },
  intakeLinks: ["intake-links"] as const,
  auditEvents: (query: string) => ["audit-events", query] as const,
  /** One client's notes timeline (its own family: client list changes do not reload an open editor). */
  notes: (contactId: string) => ["notes", contactId] as const,
  /** One client's consent history. */
  consents: (contactId: string) => ["consents", contactId] as const,
  /** The practitioner's signed-in devices (Settings → Security). */
  sessions: ["auth", "sessions"] as const,
  /** Possible duplicates: of one client, and the list-wide pairs. */
  duplicates: {
    all: ["contact-duplicates"] as const,
    of: (contactId: string) => ["contact-duplicates", "of", contactId] as const,
    pairs: ["contact-duplicates", "pairs"] as const,
  },
  /** The bell's notifications and unread count. */
  notifications: ["notifications"] as const,
  /** The practitioner's pending sign-in email change. */
  emailChange: ["auth", "email-change"] as const,
  /** Working hours, date overrides and the free-slot preview (Settings → Availability). */
  availability: {
    all: ["availability"] as const,
    hours: ["availability", "hours"] as const,
    overrides: ["availability", "overrides"] as const,
    slots: (query: string) => ["availability", "slots", query] as const,
  },
  /** Task lists per view and filter; every task mutation invalidates the family. */
  tasks: {
    all: ["tasks"] as const,
    list: (query: string) => ["tasks", "list", query] as const,
  },
  /** Task zones and projects (their counts move with tasks, so task mutations refresh them too). */
  taskZones: ["tasks", "zones"] as const,
  taskProjects: (archived: string) => ["tasks", "projects", archived] as const,
  /** The Google connection and its sync health (Settings → Integrations). */
  googleIntegration: ["integrations", "google"] as const,
  /** One client's timeline (notes and emails), per kind filter. */
  timeline: (contactId: string, kind: string) => ["timeline", contactId, kind] as const,
  /** AI: whether one client's summary can run now (consent, switches, quota); the month's usage. */
  ai: {
    all: ["ai"] as const,
    summaryStatus: (contactId: string) => ["ai", "summary-status", contactId] as const,
    usage: ["ai", "usage"] as const,
  },
  /** Every published version of one consent kind. */
  consentVersions: (kind: string) => ["consent-versions", kind] as const,
  /** The practitioner's habits with streaks, strength and pause (the habits page and home). */
  habits: ["habits"] as const,
  /** The practitioner's check-ins: the last 30 days (today's form and the chart). */
  checkIns: ["check-ins"] as const,
} as const;
