/** Who a service acts for. Every query runs under `withUserDb(userId, …)`, so row level security applies. */
export interface UserContext {
  userId: string;
  /** Read with the session in the same statement, when it was (see SessionUser); never a cached value. */
  clientListVersion?: string | undefined;
}
