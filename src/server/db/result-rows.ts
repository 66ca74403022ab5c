/** The rows of a Drizzle `execute` result: postgres.js returns an array, PGlite an object with `rows`. */
export function resultRows<Row>(result: unknown): Row[] {
  return (Array.isArray(result) ? result : ((result as { rows?: Row[] }).rows ?? [])) as Row[];
}
