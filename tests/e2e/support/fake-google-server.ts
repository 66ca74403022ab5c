import { startFakeGoogle } from "../../support/fake-google";

/** The fake Google the browser tests' server is configured against (GOOGLE_BASE_URL), on E2E_GOOGLE_PORT. */
const port = Number(process.env.E2E_GOOGLE_PORT ?? 3142);
const google = await startFakeGoogle({ port, clientId: "e2e-client-id", clientSecret: "e2e-client-secret" });
process.stdout.write(`fake Google on ${google.url}\n`);
const stop = () => void google.close().then(() => process.exit(0));
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
