import { z } from "@/lib/zod";
import { deleteObject, deletePrefix } from "@/server/storage";

/** Files to remove: single objects and whole folders (a client's or an account's). */
export const deleteStoredObjectsInput = z.strictObject({
  paths: z.array(z.string().min(1).max(1024)).max(1000).default([]),
  prefixes: z.array(z.string().min(1).max(1024)).max(1000).default([]),
});
export type DeleteStoredObjectsInput = z.output<typeof deleteStoredObjectsInput>;

/** Deletes every path and prefix (already gone is fine); throws naming what could not be deleted. */
export async function deleteStoredObjects(input: DeleteStoredObjectsInput): Promise<{ deleted: number }> {
  const outcomes = await Promise.allSettled([
    ...input.paths.map(async (path) => {
      await deleteObject(path);
      return 1;
    }),
    ...input.prefixes.map((prefix) => deletePrefix(prefix)),
  ]);
  const failed = outcomes.filter((outcome) => outcome.status === "rejected");
  if (failed.length > 0) {
    throw new Error(`${failed.length} stored file deletion(s) failed`, { cause: failed[0]?.reason });
  }
  return { deleted: outcomes.reduce((sum, outcome) => sum + (outcome.status === "fulfilled" ? outcome.value : 0), 0) };
}
