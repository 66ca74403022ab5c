"use client";

import { useSyncExternalStore } from "react";
import { formatDay } from "@/lib/contact-display";

const noSubscription = () => () => {};

/**
 * A timestamp as a day in the reader's time zone. The server renders it in UTC and the browser
 * switches to local time after hydration, so the two renders never disagree mid-hydration.
 */
export function LocalDay({ iso }: { iso: string | null }) {
  const text = useSyncExternalStore(
    noSubscription,
    () => formatDay(iso),
    () => formatDay(iso, "UTC"),
  );
  return iso ? <time dateTime={iso}>{text}</time> : <>{text}</>;
}
