import { AppError } from "@/server/errors";

/** The unique index on (user_id, lower(name)) refused the write. */
export const NAME_TAKEN = { "23505": () => new AppError("conflict", "You already have a tag with this name") };
