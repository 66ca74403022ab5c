/** Who a service acts for. Every query runs under `withUserDb(userId, …)`, so row level security applies. */
export interface UserContext {
  userId: string;
}
