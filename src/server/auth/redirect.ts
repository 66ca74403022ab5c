/** A redirect that keeps the cookies already placed on `headers` (Response.redirect's headers are immutable). */
export function redirectResponse(location: string, headers: Headers, status: 302 | 303 = 303): Response {
  headers.set("location", location);
  headers.set("cache-control", "no-store");
  return new Response(null, { status, headers });
}
