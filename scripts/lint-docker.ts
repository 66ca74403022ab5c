import { readFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { lintCompose, lintDockerfile } from "./docker/lint-docker-files";

const HELP = `Usage: npm run lint:docker [-- --dockerfile <file>] [--compose <file>]

Lints Dockerfile.prod with the Dockerfile validator of dockerfile-utils (every optional check as an
error) and validates docker-compose.yml against the Compose Specification JSON schema. Both run
without a Docker engine. Exits 1 on any finding.`;

const { values } = parseArgs({
  options: {
    dockerfile: { type: "string", default: "Dockerfile.prod" },
    compose: { type: "string", default: "docker-compose.yml" },
    help: { type: "boolean", default: false },
  },
});

if (values.help) {
  process.stdout.write(`${HELP}\n`);
} else {
  const findings = [
    ...lintDockerfile(readFileSync(values.dockerfile, "utf8")).map((finding) => ({
      file: values.dockerfile,
      ...finding,
    })),
    ...lintCompose(readFileSync(values.compose, "utf8")).map((finding) => ({ file: values.compose, ...finding })),
  ];
  for (const finding of findings) process.stdout.write(`${finding.file}:${finding.line}: ${finding.message}\n`);
  process.stdout.write(`lint:docker: ${values.dockerfile}, ${values.compose}: ${findings.length} finding(s)\n`);
  if (findings.length > 0) process.exitCode = 1;
}
