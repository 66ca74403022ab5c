/** What Next passes a page as `searchParams`. */
export type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** The first value of a query parameter that may repeat. */
export function firstParam(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** `?next=…` carried between the sign-in and sign-up pages, omitted when it is the default. */
export function nextQuery(next: string, fallback: string): string {
  return next === fallback ? "" : `?${new URLSearchParams({ next }).toString()}`;
}
