import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/** Extensions the migrations create; PGlite must load them before `create extension` can succeed. */
export const PGLITE_EXTENSIONS = { pg_trgm, unaccent };
