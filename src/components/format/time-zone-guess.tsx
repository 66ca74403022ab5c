"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { apiRequest } from "@/lib/api-client";
import { runtimeTimeZone } from "@/lib/format/settings";

/**
 * On the first signed-in page after sign-up or a first sign-in, stores the browser's time zone as the
 * practitioner's, then re-renders in it. It can be changed in Settings → Profile. Nothing is stored
 * when the browser reports no usable zone: the profile page then asks for one.
 */
export function TimeZoneGuess({ known }: { known: boolean }) {
  const router = useRouter();
  useEffect(() => {
    if (known) return;
    const timeZone = runtimeTimeZone();
    if (!timeZone) return;
    let cancelled = false;
    apiRequest("/api/profile", { method: "PATCH", body: { timeZone } })
      .then(() => {
        if (!cancelled) router.refresh();
      })
      // A failed guess is retried on the next page; nothing else depends on it.
      .catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [known, router]);
  return null;
}
