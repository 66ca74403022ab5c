"use client";

import { useSyncExternalStore } from "react";

const noSubscription = () => () => {};

function format(iso: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(undefined, {
    dateStyle: "medium",
    timeStyle: "short",
    ...(timeZone ? { timeZone, timeZoneName: "short" } : {}),
  }).format(new Date(iso));
}

/**
 * A timestamp with date and time in the reader's time zone. The server renders it in UTC and the
 * browser switches to local time after hydration, so the two renders never disagree mid-hydration.
 */
export function LocalDateTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => format(iso),
    () => format(iso, "UTC"),
  );
  return <time dateTime={iso}>{text}</time>;
}
