import { AppError } from "@/server/errors";

/** One path segment: starts with a letter or digit, so `.`, `..` and hidden names are impossible. */
const SEGMENT = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const MAX_SEGMENTS = 16;
const MAX_LENGTH = 1024;
const CONTENT_TYPE = /^[a-z0-9!#$&^_.+-]{1,127}\/[a-z0-9!#$&^_.+-]{1,127}(\s*;\s*[a-z0-9_-]+=[a-z0-9_.-]+)*$/i;

function invalid(what: string): AppError {
  return new AppError("bad_request", `Invalid file ${what}`);
}

function segmentsOf(value: string, what: string): string[] {
  const segments = value.split("/");
  if (value.length > MAX_LENGTH || segments.length > MAX_SEGMENTS || !segments.every((s) => SEGMENT.test(s))) {
    throw invalid(what);
  }
  return segments;
}

/** Validates a server-chosen object path (`a/b/c.pdf`) and returns its segments. */
export function objectPathSegments(path: string): string[] {
  return segmentsOf(path, "path");
}

/** Validates a folder prefix (`a/b` or `a/b/`, never empty) and returns it without the trailing slash. */
export function normalizePrefix(prefix: string): string {
  const trimmed = prefix.endsWith("/") ? prefix.slice(0, -1) : prefix;
  segmentsOf(trimmed, "folder");
  return trimmed;
}

export function assertContentType(contentType: string): void {
  if (!CONTENT_TYPE.test(contentType)) throw invalid("content type");
}
