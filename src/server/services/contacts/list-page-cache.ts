import { LRUCache } from "lru-cache";
import { listContactsQuery, type ListContactsQuery } from "@/lib/contracts/contact-list";
import { env } from "@/server/config/env";
import { recordListPageLookup } from "@/server/observability/metrics";

interface CachedPage {
  /** The practitioner's client-list version the page was built at (see list-version.ts). */
  version: string;
  text: string;
}

type PageCache = LRUCache<string, CachedPage>;

function createCache(): PageCache | null {
  const maxSize = env.CLIENT_LIST_CACHE_MB * 1024 * 1024;
  if (maxSize === 0) return null;
  // UTF-16 in memory: two bytes per character of the key and the page.
  return new LRUCache<string, CachedPage>({
    maxSize,
    sizeCalculation: (page, key) => 2 * (key.length + page.text.length),
  });
}

// Survives dev reloads like the database handle.
const slot = ((globalThis as { omnicrmClientListPages?: { cache: PageCache | null } }).omnicrmClientListPages ??= {
  cache: createCache(),
});

const QUERY_FIELDS = Object.keys(listContactsQuery.shape) as (keyof ListContactsQuery)[];

/** The practitioner and every field of the validated query, in a fixed order: equal requests, equal keys. */
export function pageKey(userId: string, input: ListContactsQuery): string {
  return JSON.stringify([userId, ...QUERY_FIELDS.map((field) => input[field] ?? null)]);
}

/** The page built for `key` at `version`, if it is still in memory; a page of any other version is dropped. */
export function cachedPage(key: string, version: string): string | undefined {
  const cache = slot.cache;
  if (!cache) return undefined;
  const page = cache.get(key);
  if (page?.version === version) {
    recordListPageLookup("hit");
    return page.text;
  }
  if (page) cache.delete(key);
  recordListPageLookup("miss");
  return undefined;
}

export function rememberPage(key: string, version: string, text: string): void {
  slot.cache?.set(key, { version, text });
}
