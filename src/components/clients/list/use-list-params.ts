"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { pageQuery, parseListParams, type ListParams } from "./list-params";

/**
 * The list's search, filters and sort, kept in the page URL. Changes replace the history entry
 * through the History API, which Next keeps in step with `useSearchParams` without a server round trip.
 */
export function useListParams(): [ListParams, (next: ListParams) => void] {
  const search = useSearchParams();
  const pathname = usePathname();
  const raw = search.toString();
  const params = useMemo(() => parseListParams(new URLSearchParams(raw)), [raw]);
  const setParams = useCallback(
    (next: ListParams) => {
      const query = pageQuery(next);
      if (query === raw) return;
      window.history.replaceState(null, "", query ? `${pathname}?${query}` : pathname);
    },
    [pathname, raw],
  );
  return [params, setParams];
}
