// Next inlines NEXT_PUBLIC_ variables at build: without a DSN this whole branch, and the SDK, leave the bundle.
const dsn = process.env.NEXT_PUBLIC_SENTRY_DSN;

if (dsn) {
  void import("./server/observability/sentry-client").then(({ initBrowserSentry }) =>
    initBrowserSentry(dsn, process.env.NODE_ENV),
  );
}
