import { beforeAll, describe, expect, it } from "vitest";
import type { MergeContactsResponse } from "@/lib/contracts/contacts";
import { plainImage } from "@/server/services/photos/test-images";
import type { Practitioner } from "../contacts/client-records-api";
import { loadPhotoApp, newClient, photoForm, photoPathOf, type PhotoApp } from "./photo-app";

let app: PhotoApp;
let alice: Practitioner;

beforeAll(async () => {
  app = await loadPhotoApp();
  alice = await app.signUp("Alice");
});

async function upload(contactId: string, bytes: Uint8Array): Promise<string> {
  const response = await app.call(alice, "PUT", contactId, { body: photoForm(bytes) });
  expect(response.status, await response.clone().text()).toBe(200);
  const path = await photoPathOf(contactId);
  if (!path) throw new Error("the upload stored no path");
  return path;
}

/** Two clients of Alice's, each with a photo of its own. */
async function pairWithPhotos() {
  const kept = await newClient(alice, "Kept Client");
  const duplicate = await newClient(alice, "Duplicate Client");
  const keptPath = await upload(kept.id, await plainImage("png"));
  const duplicatePath = await upload(duplicate.id, await plainImage("webp"));
  return { kept, duplicate, keptPath, duplicatePath, duplicateBytes: app.storedPhotos(alice.id).get(duplicatePath) };
}

const filesOf = (contactId: string) => [...app.storedPhotos(alice.id).keys()].filter((key) => key.includes(contactId));

async function merge(keptId: string, duplicateId: string, photoFrom: "primary" | "duplicate") {
  return alice.expect<MergeContactsResponse>(200, "POST", `/api/contacts/${keptId}/merge`, {
    duplicateId,
    fields: { photoPath: photoFrom },
  });
}

describe("merging clients with photos", () => {
  it("keeping the kept client's photo erases the duplicate's photo files", async () => {
    const { kept, duplicate, keptPath } = await pairWithPhotos();
    await merge(kept.id, duplicate.id, "primary");

    expect(filesOf(duplicate.id)).toEqual([]);
    expect(filesOf(kept.id)).toEqual([keptPath]);
    expect(await photoPathOf(kept.id)).toBe(keptPath);
    expect((await app.call(alice, "GET", kept.id)).status).toBe(200);
  });

  it("choosing the duplicate's photo serves those bytes for the kept client and leaves no orphan file", async () => {
    const { kept, duplicate, duplicateBytes } = await pairWithPhotos();
    await merge(kept.id, duplicate.id, "duplicate");

    const response = await app.call(alice, "GET", kept.id);
    expect(response.status).toBe(200);
    expect(Buffer.from(await response.arrayBuffer()).equals(duplicateBytes ?? Buffer.alloc(0))).toBe(true);
    const keptPath = await photoPathOf(kept.id);
    expect(filesOf(kept.id)).toEqual([keptPath]);
    expect(filesOf(duplicate.id)).toEqual([]);
  });

  it("a refused merge changes no photo file", async () => {
    const { kept, duplicate, keptPath, duplicatePath } = await pairWithPhotos();
    const before = [...app.storedPhotos(alice.id).keys()].sort();
    const sent = await alice.send("POST", `/api/contacts/${kept.id}/merge`, {
      duplicateId: duplicate.id,
      fields: { photoPath: "duplicate", email: "nobody" },
    });
    expect(sent.status).toBe(422);
    expect([...app.storedPhotos(alice.id).keys()].sort()).toEqual(before);
    expect(await photoPathOf(kept.id)).toBe(keptPath);
    expect(await photoPathOf(duplicate.id)).toBe(duplicatePath);
  });
});
