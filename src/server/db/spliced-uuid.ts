const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * `id`, checked to be a uuid, for statements that carry it in their text rather than as a parameter
 * (a parameter-free statement goes in one round trip). Anything else throws before reaching SQL.
 */
export function splicedUuid(id: string, caller: string): string {
  if (!UUID.test(id)) throw new Error(`${caller} needs the user's id (a uuid)`);
  return id;
}
