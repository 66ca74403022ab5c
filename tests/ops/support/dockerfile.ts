import { DockerfileParser, type Copy, type Instruction } from "dockerfile-ast";

/** One build stage of a Dockerfile, with what the final container's start depends on. */
export interface Stage {
  name: string | undefined;
  image: string;
  workdir: string | undefined;
  env: Record<string, string>;
  user: string | undefined;
  cmd: string[] | undefined;
  healthcheck: string[] | undefined;
  copies: { from: string | undefined; sources: string[]; destination: string }[];
  runs: string[];
}

/** JSON-form arguments (`["node", "server.js"]`), the form the runtime executes without a shell. */
function jsonArguments(instruction: Instruction, after?: string): string[] | undefined {
  const content = (instruction.getArgumentsContent() ?? "").replace(/\\\r?\n/g, " ");
  const json = after ? content.slice(content.indexOf(after) + after.length) : content;
  try {
    const value = JSON.parse(json.trim()) as unknown;
    return Array.isArray(value) && value.every((part) => typeof part === "string") ? value : undefined;
  } catch {
    return undefined;
  }
}

export function readStages(source: string): Stage[] {
  const stages: Stage[] = [];
  const globalArgs: Record<string, string> = {};
  const expand = (text: string) => text.replace(/\$\{(\w+)\}/g, (whole, name: string) => globalArgs[name] ?? whole);
  for (const instruction of DockerfileParser.parse(source).getInstructions()) {
    const keyword = instruction.getKeyword();
    const args = instruction.getArguments().map((argument) => argument.getValue());
    if (keyword === "ARG" && stages.length === 0) {
      const [name, value = ""] = (args[0] ?? "").split(/=(.*)/s);
      if (name) globalArgs[name] = value;
      continue;
    }
    if (keyword === "FROM") {
      const asIndex = args.findIndex((arg) => arg.toUpperCase() === "AS");
      stages.push({
        name: asIndex >= 0 ? args[asIndex + 1] : undefined,
        image: expand(args[0] ?? ""),
        workdir: undefined,
        env: {},
        user: undefined,
        cmd: undefined,
        healthcheck: undefined,
        copies: [],
        runs: [],
      });
      continue;
    }
    const stage = stages.at(-1);
    if (!stage) continue;
    if (keyword === "WORKDIR") stage.workdir = args[0];
    if (keyword === "USER") stage.user = args[0];
    if (keyword === "CMD") stage.cmd = jsonArguments(instruction);
    if (keyword === "HEALTHCHECK") stage.healthcheck = jsonArguments(instruction, "CMD");
    if (keyword === "RUN") stage.runs.push((instruction.getArgumentsContent() ?? "").replace(/\\\r?\n/g, " "));
    if (keyword === "ENV") {
      for (const property of (instruction as unknown as { getProperties(): EnvProperty[] }).getProperties()) {
        stage.env[property.getName()] = property.getUnescapedValue() ?? "";
      }
    }
    if (keyword === "COPY") {
      const flags = (instruction as Copy).getFlags();
      const from = flags.find((flag) => flag.getName() === "from")?.getValue() ?? undefined;
      const paths = args.filter((arg) => !arg.startsWith("--"));
      stage.copies.push({ from, sources: paths.slice(0, -1), destination: paths.at(-1) ?? "" });
    }
  }
  return stages;
}

interface EnvProperty {
  getName(): string;
  getUnescapedValue(): string | null;
}
