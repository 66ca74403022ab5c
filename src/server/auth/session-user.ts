/** The signed-in practitioner as every layer below the route wrapper sees it. */
export interface SessionUser {
  id: string;
  email: string;
}
