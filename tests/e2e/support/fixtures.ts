import { test as base, expect, type Page } from "@playwright/test";

/** A browser console line that means the page is broken: any CSP refusal, script error or unexpected console error. */
const CSP_VIOLATION = /Content[- ]Security[- ]Policy|Refused to (load|execute|apply|connect|frame)/i;
/** Chrome logs every 4xx fetch as an error; the API answering 401/409/429 is part of what the tests exercise. */
const EXPECTED_HTTP_ERROR = /^Failed to load resource: the server responded with a status of 4\d\d/;

/** Collects what would make a page unfit to ship; the caller asserts it stays empty. */
export function watchConsole(page: Page): string[] {
  const problems: string[] = [];
  page.on("console", (message) => {
    const text = message.text();
    if (CSP_VIOLATION.test(text) || (message.type() === "error" && !EXPECTED_HTTP_ERROR.test(text))) {
      problems.push(`${message.type()}: ${text}`);
    }
  });
  page.on("pageerror", (error) => problems.push(`pageerror: ${error.message}`));
  return problems;
}

/**
 * Chrome files a CSP refusal of a caught `eval` (zod's JIT probe) under Issues, not the console: the page
 * reports every violation event to the console itself, where watchConsole sees it.
 */
export function reportCspViolations() {
  document.addEventListener("securitypolicyviolation", (event) =>
    console.error(`Content Security Policy violation: ${event.violatedDirective} blocked ${event.blockedURI}`),
  );
}

/** Every test's page fails the test on a CSP violation or a console error, whatever the test checked. */
export const test = base.extend({
  context: async ({ context }, use) => {
    await context.addInitScript(reportCspViolations);
    await use(context);
  },
  page: async ({ page }, use) => {
    const problems = watchConsole(page);
    await use(page);
    expect(problems, "console errors and CSP violations").toEqual([]);
  },
});

export { expect };
