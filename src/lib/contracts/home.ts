import type { CheckInListResponse } from "./check-ins";
import type { HabitListResponse } from "./habits";
import type { Notification } from "./notifications";

/**
 * The home page is a list of sections, each loaded on its own by the home service
 * (src/server/services/home) and drawn by one component (src/components/home/home-sections.tsx). A new
 * section (tasks due today, today's sessions) is one entry here, one loader and one view; TypeScript
 * refuses a section missing either.
 */
export interface HomeSectionData {
  /** Today's check-in: the prompt, or today's answers. */
  "check-in": CheckInListResponse;
  /** Today's habits to tick. */
  habits: HabitListResponse;
  /** What needs the practitioner: unread notifications and clients new from an intake form. */
  attention: AttentionSection;
  /** Clients changed most recently, to pick up where they left off. */
  "recent-clients": RecentClientsSection;
}

export type HomeSectionId = keyof HomeSectionData;

/** The sections in page order. */
export const HOME_SECTION_IDS = [
  "check-in",
  "habits",
  "attention",
  "recent-clients",
] as const satisfies readonly HomeSectionId[];

/** Headings, also shown by each section's skeleton while it loads. */
export const HOME_SECTION_TITLES: Record<HomeSectionId, string> = {
  "check-in": "Check-in",
  habits: "Today's habits",
  attention: "Needs your attention",
  "recent-clients": "Recently updated clients",
};

export interface AttentionSection {
  unreadNotifications: Notification[];
  unreadCount: number;
  /** Clients an intake form created or updated that have not been opened since. */
  newFromIntake: { id: string; displayName: string }[];
  newFromIntakeCount: number;
}

export interface RecentClientsSection {
  items: { id: string; displayName: string; updatedAt: string }[];
}

export interface HomeGreeting {
  displayName: string;
  /** The practitioner's day (their zone and day-start hour). */
  today: string;
  /** By the practitioner's wall clock. */
  partOfDay: "morning" | "afternoon" | "evening";
}
