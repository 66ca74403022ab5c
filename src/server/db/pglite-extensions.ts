import { btree_gist } from "@electric-sql/pglite/contrib/btree_gist";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { unaccent } from "@electric-sql/pglite/contrib/unaccent";

/** Extensions the migrations create; PGlite must load them before `create extension` can succeed. */
export const PGLITE_EXTENSIONS = { btree_gist, pg_trgm, unaccent };
