import * as z from "./zod-api";

// Browsers run the app under a CSP without 'unsafe-eval': zod's JIT probe (`new Function`) would be
// reported as a violation on every page. Set before any schema is built, since schemas read it when created.
if (typeof window !== "undefined") z.config({ jitless: true });

/** The one import of zod for the app's code, so the browser configuration above always runs first. */
export { z };
