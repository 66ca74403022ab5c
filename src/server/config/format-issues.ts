export interface EnvIssue {
  readonly message: string;
  readonly path?: ReadonlyArray<PropertyKey | { readonly key: PropertyKey }> | undefined;
}

/** One line per variable: `  - NAME: what is wrong`. */
export function formatEnvIssues(issues: readonly EnvIssue[]): string {
  const lines = issues.map((issue) => {
    const first = issue.path?.[0];
    const name = typeof first === "object" && first !== null ? String(first.key) : String(first ?? "(environment)");
    return `  - ${name}: ${issue.message}`;
  });
  return `Invalid environment configuration:\n${[...new Set(lines)].join("\n")}`;
}
