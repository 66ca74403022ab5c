import { sql as drizzleSql } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { signedUpBrowser, temporaryDataDir } from "./fixtures";
import { loadAuthRoutes, type AuthRoutes } from "./load-auth-routes";

const dataDir = temporaryDataDir();
let routes: AuthRoutes;

beforeAll(async () => {
  routes = await loadAuthRoutes({ DATA_DIR: dataDir, NEXT_PUBLIC_SUPABASE_URL: undefined });
});

describe("profiles under row level security", () => {
  it("a practitioner reads, changes and deletes only their own profile", async () => {
    const { withUserDb } = await import("@/server/db");
    const { resultRows } = await import("@/server/db/result-rows");
    const { getProfile } = await import("@/server/services/profiles");
    const alice = await signedUpBrowser(routes, "Alice");
    const bob = await signedUpBrowser(routes, "Bob");

    expect(await getProfile(alice.id)).toMatchObject({ userId: alice.id, displayName: "Alice", timeZone: null });

    const asAlice = <T>(statement: ReturnType<typeof drizzleSql>) =>
      withUserDb(alice.id, async (tx) => resultRows<T>(await tx.execute(statement)));

    expect(await asAlice(drizzleSql`select user_id from public.profiles`)).toEqual([{ user_id: alice.id }]);
    expect(await asAlice(drizzleSql`select display_name from public.profiles where user_id = ${bob.id}`)).toEqual([]);
    expect(
      await asAlice(
        drizzleSql`update public.profiles set display_name = 'Mallory' where user_id = ${bob.id} returning 1`,
      ),
    ).toEqual([]);
    expect(await asAlice(drizzleSql`delete from public.profiles where user_id = ${bob.id} returning 1`)).toEqual([]);
    await expect(
      asAlice(drizzleSql`insert into public.profiles (user_id, display_name) values (${bob.id}, 'Forged')`),
    ).rejects.toThrow();

    expect(await getProfile(bob.id)).toMatchObject({ userId: bob.id, displayName: "Bob" });
  });

  it("the signed-in route shows each practitioner only themselves", async () => {
    const carol = await signedUpBrowser(routes, "Carol");
    const dave = await signedUpBrowser(routes, "Dave");
    for (const { browser, id, email } of [carol, dave]) {
      const response = await browser.send(routes.user, "GET", "/api/auth/user");
      expect(((await response.json()) as { user: unknown }).user).toEqual({
        id,
        email,
        displayName: id === carol.id ? "Carol" : "Dave",
      });
    }
  });
});
