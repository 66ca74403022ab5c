import { redirect } from "next/navigation";
import { getCurrentUser } from "@/server/auth/current-user";

/** The front door: signed-in practitioners go to their clients, everyone else to sign in. */
export default async function HomePage() {
  redirect((await getCurrentUser()) ? "/clients" : "/sign-in");
}
