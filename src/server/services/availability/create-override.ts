import { createOverrideInput, type AvailabilityOverride, type CreateOverrideInput } from "@/lib/contracts/availability";
import { withUserDb } from "@/server/db";
import { availabilityOverrides } from "@/server/db/schema";
import { AppError } from "@/server/errors";
import { recordAuditEvent } from "@/server/services/audit";
import type { UserContext } from "../contacts/context";
import { refusalsAsAppErrors } from "../contacts/database-errors";

export { createOverrideInput };

const DATE_TAKEN = {
  "23505": () =>
    new AppError("conflict", "This date already has its own hours: remove them first", {
      details: [{ path: "date", message: "This date already has its own hours" }],
    }),
};

/** `POST /api/availability/overrides`: a day off (no ranges) or the day's own hours; one per date (409). */
export async function createOverride(context: UserContext, input: CreateOverrideInput): Promise<AvailabilityOverride> {
  return refusalsAsAppErrors(
    () =>
      withUserDb(context.userId, async (tx) => {
        const [created] = await tx
          .insert(availabilityOverrides)
          .values({ userId: context.userId, date: input.date, ranges: input.ranges, note: input.note ?? null })
          .returning({
            id: availabilityOverrides.id,
            date: availabilityOverrides.date,
            ranges: availabilityOverrides.ranges,
            note: availabilityOverrides.note,
          });
        if (!created) throw new Error("a created override could not be read back");
        await recordAuditEvent(tx, {
          userId: context.userId,
          action: "settings.updated",
          metadata: { setting: "availability", change: "override_created", overrideId: created.id },
        });
        return created;
      }),
    DATE_TAKEN,
  );
}
