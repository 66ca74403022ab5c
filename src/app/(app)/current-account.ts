import { redirect } from "next/navigation";
import { cache } from "react";
import type { AuthUserResponse } from "@/lib/contracts/auth";
import { getCurrentUser } from "@/server/auth/current-user";

/**
 * The signed-in practitioner, looked up once per request however many server components ask;
 * a missing or ended session goes to sign-in.
 */
export const currentAccount = cache(async (): Promise<AuthUserResponse["user"]> => {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?notice=session-ended");
  return { id: user.id, email: user.email, displayName: user.displayName };
});
