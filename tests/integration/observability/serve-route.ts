import http from "node:http";
import type { AddressInfo } from "node:net";

type RouteHandler = (request: Request) => Promise<Response>;

export interface ServedRoute {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves one route handler over a real Node HTTP server, the way `next start` does, so SDKs that
 * observe incoming requests (Sentry's request data, connection tracking) see a real request.
 */
export async function serveRoute(handler: RouteHandler): Promise<ServedRoute> {
  // Async all the way down, as in Next's own server, so the request's async context reaches the handler.
  const server = http.createServer((incoming, outgoing) => {
    void respond(handler, incoming, outgoing);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function respond(handler: RouteHandler, incoming: http.IncomingMessage, outgoing: http.ServerResponse) {
  const chunks: Buffer[] = [];
  for await (const chunk of incoming) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(incoming.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(", ") : value);
  }
  const request = new Request(`http://${incoming.headers.host ?? "localhost"}${incoming.url ?? "/"}`, {
    method: incoming.method ?? "GET",
    headers,
    ...(chunks.length > 0 ? { body: Buffer.concat(chunks) } : {}),
  });
  const response = await handler(request);
  outgoing.writeHead(response.status, Object.fromEntries(response.headers));
  outgoing.end(Buffer.from(await response.arrayBuffer()));
}
