import { LRUCache } from "lru-cache";
import client from "prom-client";
import { listContactsQuery, type ListContactsQuery } from "@/lib/contracts/contact-list";
import { env } from "@/server/config/env";
import { metricsRegistry } from "@/server/observability/metrics";

interface CachedPage {
  /** The practitioner's client-list version the page was built at (see list-version.ts). */
  version: string;
  text: string;
}

type PageCache = LRUCache<string, CachedPage>;

const lookups = ((): client.Counter<"result"> => {
  const name = "client_list_page_cache_total";
  const existing = metricsRegistry.getSingleMetric(name);
  if (existing) return existing as client.Counter<"result">;
  return new client.Counter({
    name,
    help: "Clients-list pages asked of the page cache, by whether a page of the current version was there",
    labelNames: ["result"],
    registers: [metricsRegistry],
  });
})();

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
    lookups.inc({ result: "hit" });
    return page.text;
  }
  if (page) cache.delete(key);
  lookups.inc({ result: "miss" });
  return undefined;
}

export function rememberPage(key: string, version: string, text: string): void {
  slot.cache?.set(key, { version, text });
}

/** Pages served from memory and pages built, so far (for the operator's dashboard and the tests). */
export async function pageCacheCounts(): Promise<{ hit: number; miss: number }> {
  const values = (await lookups.get()).values;
  const count = (result: string) => values.find((value) => value.labels.result === result)?.value ?? 0;
  return { hit: count("hit"), miss: count("miss") };
}
