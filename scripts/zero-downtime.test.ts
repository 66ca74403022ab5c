import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { startRoundRobinProxy, type RoundRobinProxy } from "../tests/zero-downtime/round-robin-proxy";

interface FakeInstance {
  port: number;
  ready: boolean;
  hits: number;
  server: http.Server;
}

async function fakeInstance(name: string): Promise<FakeInstance> {
  const instance = { port: 0, ready: true, hits: 0 } as FakeInstance;
  instance.server = http.createServer((request, response) => {
    if (request.url === "/api/ready") {
      response.writeHead(instance.ready ? 200 : 503).end();
      return;
    }
    instance.hits += 1;
    if (request.url === "/drop") {
      request.socket.destroy();
      return;
    }
    response.end(name);
  });
  await new Promise<void>((resolve) => instance.server.listen(0, "127.0.0.1", resolve));
  instance.port = (instance.server.address() as AddressInfo).port;
  return instance;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const open: Array<{ close(): unknown }> = [];

afterEach(async () => {
  for (const item of open.splice(0)) await item.close();
});

async function setup(): Promise<{ proxy: RoundRobinProxy; first: FakeInstance; second: FakeInstance }> {
  const first = await fakeInstance("first");
  const second = await fakeInstance("second");
  open.push({ close: () => first.server.close() }, { close: () => second.server.close() });
  second.ready = false;
  const proxy = await startRoundRobinProxy({
    port: 0,
    pollMs: 20,
    upstreams: [
      { name: "first", port: first.port },
      { name: "second", port: second.port },
    ],
  });
  open.unshift(proxy);
  await sleep(100);
  return { proxy, first, second };
}

const bodies = async (url: string, count: number) =>
  Promise.all(Array.from({ length: count }, () => fetch(url).then((response) => response.text())));

describe("the round-robin proxy of the zero-downtime test", () => {
  it("routes only to instances whose readiness answers 200, alternating between ready ones", async () => {
    const { proxy, second } = await setup();
    expect(await bodies(`${proxy.url}/x`, 4)).toEqual(["first", "first", "first", "first"]);
    second.ready = true;
    await sleep(100);
    expect((await bodies(`${proxy.url}/x`, 4)).sort()).toEqual(["first", "first", "second", "second"]);
  });

  it("answers 503 when nothing is ready and 502 (counted, never retried) when an upstream drops a request", async () => {
    const { proxy, first } = await setup();
    const dropped = await fetch(`${proxy.url}/drop`);
    expect(dropped.status).toBe(502);
    expect(first.hits).toBe(1);
    expect(proxy.upstreams[0]?.failed).toBe(1);
    expect([...proxy.failures.values()].reduce((sum, count) => sum + count, 0)).toBe(1);

    first.ready = false;
    await sleep(100);
    expect((await fetch(`${proxy.url}/x`)).status).toBe(503);
    expect(proxy.refused).toBe(1);
  });
});
