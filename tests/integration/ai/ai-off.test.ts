import { beforeAll, describe, expect, it } from "vitest";
import type { AiSettings, ClientSummaryStatus } from "@/lib/contracts/ai";
import type { Contact } from "@/lib/contracts/contacts";
import { expectError } from "../auth/fixtures";
import { loadClientRecordsApi, signUpPractitioner, type Practitioner } from "../contacts/client-records-api";

let alice: Practitioner;

beforeAll(async () => {
  for (const name of ["AI_BASE_URL", "AI_API_KEY", "AI_CHAT_MODEL", "AI_EMBEDDING_MODEL"]) delete process.env[name];
  alice = await signUpPractitioner(await loadClientRecordsApi(), "Alice");
});

describe("with no AI provider configured", () => {
  it("every AI surface says AI is off and how to turn it on, and the rest keeps working", async () => {
    const settings = await alice.expect<AiSettings>(200, "GET", "/api/ai/settings");
    expect(settings).toMatchObject({ configured: false, enabled: false });
    expect(settings.setupHint).toContain("AI_BASE_URL");
    // The practitioner's own switch can still be set; it takes effect once a provider is configured.
    expect(await alice.expect<AiSettings>(200, "PATCH", "/api/ai/settings", { enabled: true })).toMatchObject({
      configured: false,
      enabled: true,
    });

    const client = await alice.expect<Contact>(201, "POST", "/api/contacts", { displayName: "Kept Working" });
    await alice.addNote(client.id, "A note.");
    const status = await alice.expect<ClientSummaryStatus>(200, "GET", `/api/contacts/${client.id}/summary`);
    expect(status).toMatchObject({ available: false, reason: "not_configured" });
    const error = await expectError((await alice.send("POST", `/api/contacts/${client.id}/summary`)).response, 503);
    expect(error.details).toEqual({ reason: "not_configured" });
    expect(error.message).toContain("AI_CHAT_MODEL");
    expect(await alice.expect(200, "GET", "/api/ai/usage")).toMatchObject({ used: 0, quota: 200_000 });

    // Keyword search is untouched.
    const page = await alice.expect<{ items: { id: string }[] }>(200, "GET", "/api/contacts?q=kept");
    expect(page.items.map((item) => item.id)).toEqual([client.id]);
  });
});
