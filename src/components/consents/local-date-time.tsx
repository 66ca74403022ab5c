"use client";

import { useSyncExternalStore } from "react";
import { formatConsentDateTime } from "./consent-dates";

const noSubscription = () => () => {};

/**
 * A timestamp with date, time and zone in the reader's time zone. The server renders it in UTC and
 * the browser switches to local time after hydration, so the two renders never disagree mid-hydration.
 */
export function LocalDateTime({ iso }: { iso: string }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => formatConsentDateTime(iso),
    () => formatConsentDateTime(iso, "UTC"),
  );
  return <time dateTime={iso}>{text}</time>;
}
