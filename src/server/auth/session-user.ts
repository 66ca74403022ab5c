/** The signed-in practitioner as every layer below the route wrapper sees it. */
export interface SessionUser {
  id: string;
  email: string;
  /** From the practitioner's profile; shown on the account menu. */
  displayName: string;
  /**
   * The practitioner's clients-list version, when the session lookup read it in the same statement
   * (built-in accounts on Postgres); the clients list reads it itself otherwise. Never cached with
   * the session: it is only as fresh as the request that read it.
   */
  clientListVersion?: string;
  /**
   * Stable for the life of one sign-in and different for every other (the embedded session's token
   * hash, Supabase's session id), never the credential itself: what a flow bound to "this session"
   * (Connect Google's OAuth state) checks.
   */
  sessionKey?: string;
}
