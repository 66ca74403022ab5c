/** The signed-in practitioner as every layer below the route wrapper sees it. */
export interface SessionUser {
  id: string;
  email: string;
  /** From the practitioner's profile; shown on the account menu. */
  displayName: string;
}
