import { describe, expect, it } from "vitest";
import { runSteps } from "./lint-workflows";

describe("runSteps", () => {
  it("masks expressions and takes the shell from step, job or workflow defaults", () => {
    const steps = runSteps(
      [
        "defaults:",
        "  run:",
        "    shell: sh",
        "jobs:",
        "  a:",
        "    steps:",
        "      - run: echo ${{ secrets.TOKEN }}",
        "      - shell: bash",
        "        run: echo hi",
        "      - shell: pwsh",
        "        run: Write-Output hi",
      ].join("\n"),
    );
    expect(steps).toEqual([
      { script: `echo ${"_".repeat("${{ secrets.TOKEN }}".length)}`, shell: "sh", line: 7 },
      { script: "echo hi", shell: "bash", line: 9 },
    ]);
  });
});
