import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

/** How far the page is wider than its viewport, and the innermost elements that stick out, to name in a failure. */
export async function horizontalOverflow(
  page: Page,
): Promise<{ overflow: number; culprits: string[]; scrollers: string[] }> {
  const width = page.viewportSize()?.width ?? 0;
  return page.evaluate((viewportWidth) => {
    // A mobile browser widens its layout viewport to fit content, so the configured width is the bound too.
    const limit = Math.min(window.innerWidth, viewportWidth);
    const sticksOut = (element: Element) => element.getBoundingClientRect().right > limit + 0.5;
    const describe = (element: Element) => {
      const classes = typeof element.className === "string" ? element.className.slice(0, 80) : "";
      const text = (element.textContent ?? "").trim().slice(0, 40);
      return `<${element.tagName.toLowerCase()} class="${classes}"> ${Math.round(element.getBoundingClientRect().right)}px "${text}"`;
    };
    const elements = [...document.body.querySelectorAll("*")];
    // Where the overflow starts (the outermost boxes that stick out) and what sticks out (the innermost).
    const culprits = [
      ...elements.filter((element) => sticksOut(element) && element.parentElement && !sticksOut(element.parentElement)),
      ...elements.filter((element) => sticksOut(element) && ![...element.children].some(sticksOut)),
    ]
      .slice(0, 10)
      .map(describe);
    // A box that scrolls sideways inside the page hides its content just as well as a wide page does.
    const scrollers = elements
      .filter((element) => /auto|scroll/.test(getComputedStyle(element).overflowX))
      .filter((element) => element.scrollWidth > element.clientWidth + 1)
      .map((element) => `${describe(element)} scrolls ${element.scrollWidth - element.clientWidth}px sideways`);
    return { overflow: document.documentElement.scrollWidth - limit, culprits, scrollers };
  }, width);
}

/** Serious and critical axe violations, one line each with the elements they were found on. */
export async function seriousAxeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((violation) => violation.impact === "serious" || violation.impact === "critical")
    .map(
      (violation) =>
        `${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes
          .slice(0, 4)
          .map((node) => `${node.target.join(" ")} ${node.html.slice(0, 160)}`)
          .join(", ")}`,
    );
}
