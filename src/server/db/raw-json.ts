/**
 * A response body that is already JSON text (e.g. built by Postgres): defineRoute sends the text as
 * it is instead of through JSON.stringify. `T` is the shape the text encodes, for the types only.
 */
export class RawJson<T> {
  /** Never set: carries `T` so a handler's result type still names the contract it answers with. */
  declare readonly shape?: T;

  constructor(readonly text: string) {}
}
