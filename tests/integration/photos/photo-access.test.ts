import { sql } from "drizzle-orm";
import sharp from "sharp";
import { beforeAll, describe, expect, it } from "vitest";
import type { Contact } from "@/lib/contracts/contacts";
import { jpegWithGps, plainImage } from "@/server/services/photos/test-images";
import { expectError } from "../auth/fixtures";
import { snapshotOf, type Practitioner } from "../contacts/client-records-api";
import { loadPhotoApp, newClient, photoEvents, photoForm, photoPathOf, type PhotoApp } from "./photo-app";

let app: PhotoApp;
let alice: Practitioner;
let bob: Practitioner;

beforeAll(async () => {
  app = await loadPhotoApp();
  alice = await app.signUp("Alice");
  bob = await app.signUp("Bob");
});

async function upload(practitioner: Practitioner, contactId: string, bytes: Uint8Array): Promise<string> {
  const response = await app.call(practitioner, "PUT", contactId, { body: photoForm(bytes) });
  expect(response.status, await response.clone().text()).toBe(200);
  const { version } = (await response.json()) as { version: string };
  return version;
}

describe("a client's photo", () => {
  it("is streamed to its owner as a private, unsniffable WebP, each view audited", async () => {
    const client = await newClient(alice);
    const version = await upload(alice, client.id, await jpegWithGps(800, 600));
    const path = await photoPathOf(client.id);
    expect(path).toMatch(new RegExp(`^photos/${alice.id}/${client.id}/[0-9a-f]{32}\\.webp$`));
    expect(path).toContain(version);

    for (let view = 0; view < 2; view += 1) {
      const response = await app.call(alice, "GET", client.id);
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toBe("image/webp");
      expect(response.headers.get("cache-control")).toBe("private, no-store");
      expect(response.headers.get("x-content-type-options")).toBe("nosniff");
      const body = Buffer.from(await response.arrayBuffer());
      expect(body.equals(app.storedPhotos(alice.id).get(path ?? "") ?? Buffer.alloc(0))).toBe(true);
      expect((await sharp(body).metadata()).format).toBe("webp");
    }
    const events = await photoEvents(alice.id, client.id);
    expect(events.map((event) => event.action)).toEqual(["photo.uploaded", "photo.viewed", "photo.viewed"]);
    expect(events.every((event) => event.target_type === "client" && event.user_id === alice.id)).toBe(true);
  });

  it("is replaced by a new upload (the old object deleted) and removed by DELETE", async () => {
    const client = await newClient(alice);
    await upload(alice, client.id, await plainImage("png"));
    const first = await photoPathOf(client.id);
    await upload(alice, client.id, await plainImage("webp"));
    const second = await photoPathOf(client.id);
    expect(second).not.toBe(first);
    const stored = [...app.storedPhotos(alice.id).keys()].filter((key) => key.includes(client.id));
    expect(stored).toEqual([second]);

    expect((await app.call(alice, "DELETE", client.id)).status).toBe(204);
    expect(await photoPathOf(client.id)).toBeNull();
    expect([...app.storedPhotos(alice.id).keys()].filter((key) => key.includes(client.id))).toEqual([]);
    await expectError(await app.call(alice, "GET", client.id), 404);
    // Removing a photo that is not there changes nothing and records nothing.
    expect((await app.call(alice, "DELETE", client.id)).status).toBe(204);
    const actions = (await photoEvents(alice.id, client.id)).map((event) => event.action);
    expect(actions).toEqual(["photo.uploaded", "photo.uploaded", "photo.deleted"]);
  });

  it("is not found for a client without a photo, an unknown client, or a malformed id", async () => {
    const client = await newClient(alice);
    await expectError(await app.call(alice, "GET", client.id), 404);
    await expectError(await app.call(alice, "GET", crypto.randomUUID()), 404);
    await expectError(await app.call(alice, "DELETE", crypto.randomUUID()), 404);
    expect((await app.call(alice, "GET", "../../etc/passwd")).status).toBeGreaterThanOrEqual(400);
    expect(await photoEvents(alice.id, client.id)).toEqual([]);
  });

  it("leaves no file behind once the client is deleted", async () => {
    const client = await newClient(alice);
    await upload(alice, client.id, await plainImage("png"));
    expect([...app.storedPhotos(alice.id).keys()].filter((key) => key.includes(client.id))).toHaveLength(1);
    const { deleteContact } = await import("@/server/services/contacts");
    await deleteContact({ userId: alice.id }, { id: client.id });
    expect([...app.storedPhotos(alice.id).keys()].filter((key) => key.includes(client.id))).toEqual([]);
  });

  it("needs a session", async () => {
    const client = await newClient(alice);
    await upload(alice, client.id, await plainImage("png"));
    const anonymous = new Request(`http://localhost:3000/api/contacts/${client.id}/photo`);
    const route = await import("@/app/api/contacts/[id]/photo/route");
    await expectError(await route.GET(anonymous, { params: Promise.resolve({ id: client.id }) }), 401);
  });
});

describe("another practitioner", () => {
  let alicesClient: Contact;

  beforeAll(async () => {
    alicesClient = await newClient(alice, "Private Person");
    await upload(alice, alicesClient.id, await jpegWithGps(400, 300));
  });

  it("gets 404 from GET, PUT and DELETE on the first one's client, and nothing changes or is audited", async () => {
    const before = { rows: await snapshotOf(alice.id), files: app.storedPhotos(alice.id) };
    const eventsBefore = await photoEvents(alice.id, alicesClient.id);
    await expectError(await app.call(bob, "GET", alicesClient.id), 404);
    await expectError(await app.call(bob, "PUT", alicesClient.id, { body: photoForm(await plainImage("png")) }), 404);
    await expectError(await app.call(bob, "DELETE", alicesClient.id), 404);
    expect({ rows: await snapshotOf(alice.id), files: app.storedPhotos(alice.id) }).toEqual(before);
    expect(await photoEvents(alice.id, alicesClient.id)).toEqual(eventsBefore);
    expect(await photoEvents(bob.id, alicesClient.id)).toEqual([]);
    // The refused upload left no file behind in the second practitioner's folder either.
    expect(app.storedPhotos(bob.id).size).toBe(0);
  });

  it("cannot read or change the photo path under row level security, even without a user filter", async () => {
    expect(await bob.sql(sql`select photo_path from public.contacts where id = ${alicesClient.id}`)).toEqual([]);
    const path = `photos/${bob.id}/${alicesClient.id}/${"0".repeat(32)}.webp`;
    const updated = await bob.sql(
      sql`update public.contacts set photo_path = ${path} where id = ${alicesClient.id} returning id`,
    );
    expect(updated).toEqual([]);
    const events = await bob.sql(
      sql`select id from public.audit_events where target_id = ${alicesClient.id} and action like 'photo.%'`,
    );
    expect(events).toEqual([]);
    expect(await photoPathOf(alicesClient.id)).toMatch(new RegExp(`^photos/${alice.id}/`));
  });
});
