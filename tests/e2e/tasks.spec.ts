import { newAccount, signUpThroughApi } from "./support/accounts";
import { expect, test } from "./support/fixtures";
import AxeBuilder from "@axe-core/playwright";
import { horizontalOverflow } from "./support/page-checks";

test("quick-add a repeating task with q, complete it with x, and see the next one", async ({ page, baseURL }) => {
  await signUpThroughApi(page.context().request, baseURL ?? "", newAccount("tasks"));
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: "Nothing due today" })).toBeVisible();

  await page.keyboard.press("q");
  const dialog = page.getByRole("dialog", { name: "Add a task" });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel("Task").fill("Water plants every day #self-care !p2");
  // What was understood shows before saving.
  const understood = dialog.getByTestId("quick-add-understood");
  await expect(understood).toContainText("Water plants");
  await expect(understood).toContainText("every day");
  await expect(understood).toContainText("Self-care");
  await expect(understood).toContainText("P2");
  await page.keyboard.press("Enter");
  await expect(dialog).toBeHidden();

  const row = page.getByRole("listitem", { name: "Water plants" });
  await expect(row).toBeVisible();
  await expect(row).toContainText("every day");
  await row.focus();
  await page.keyboard.press("x");
  await expect(page.getByText("Completed “Water plants”")).toBeAttached();
  await expect(page.getByRole("heading", { name: "Nothing due today" })).toBeVisible();

  // The job adds tomorrow's occurrence on the server (the embedded runner polls every 10 s).
  await page.getByRole("button", { name: "Upcoming" }).click();
  await expect(page.getByRole("listitem", { name: "Water plants" })).toBeVisible({ timeout: 30_000 });
  await page.getByRole("button", { name: "Done" }).click();
  await expect(page.getByRole("button", { name: "Water plants is done" })).toBeVisible();
});

test("j and k move through the list, e edits, and the keys do nothing while typing", async ({ page, baseURL }) => {
  const request = page.context().request;
  await signUpThroughApi(request, baseURL ?? "", newAccount("taskkeys"));
  for (const title of ["First task", "Second task"]) {
    const created = await request.post("/api/tasks", {
      data: { title, dueDate: "2020-01-01" },
      headers: { origin: baseURL ?? "" },
    });
    expect(created.status()).toBe(201);
  }
  await page.goto("/tasks");
  await expect(page.getByRole("heading", { name: /Overdue/ })).toBeVisible();
  const first = page.getByRole("listitem", { name: "First task" });
  const second = page.getByRole("listitem", { name: "Second task" });
  await first.focus();
  await page.keyboard.press("j");
  await expect(second).toBeFocused();
  await page.keyboard.press("k");
  await expect(first).toBeFocused();
  await page.keyboard.press("Space");
  await expect(page.getByRole("checkbox", { name: "Select First task" })).toBeChecked();
  await expect(page.getByRole("region", { name: "Selected tasks" })).toContainText("1 task selected");
  await page.keyboard.press("e");
  const editor = page.getByRole("dialog", { name: "Edit task" });
  await expect(editor).toBeVisible();
  await expect(editor.getByLabel("Title")).toHaveValue("First task");
  // Typing q into a field types it: no second dialog opens.
  await editor.getByLabel("Title").fill("First task ");
  await editor.getByLabel("Title").press("q");
  await expect(page.getByRole("dialog", { name: "Add a task" })).toBeHidden();
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toBeHidden();
  await expect(page.getByRole("listitem", { name: "First task q" })).toBeVisible();

  // Bulk complete of the ticked task: it leaves Today.
  await page.getByRole("region", { name: "Selected tasks" }).getByRole("button", { name: "Complete" }).click();
  await expect(page.getByRole("listitem", { name: "First task q" })).toBeHidden();
  await expect(second).toBeVisible();
});

test("a client's page lists their open tasks and adds one linked to them", async ({ page, baseURL }) => {
  const request = page.context().request;
  await signUpThroughApi(request, baseURL ?? "", newAccount("clienttasks"));
  const created = await request.post("/api/contacts", {
    data: { displayName: "Sofia Marin" },
    headers: { origin: baseURL ?? "" },
  });
  const client = (await created.json()) as { id: string };
  await page.goto(`/clients/${client.id}`);
  const section = page.getByRole("region", { name: "Tasks", exact: true });
  await expect(section.getByRole("heading", { name: "No open tasks" })).toBeVisible();
  await section.getByRole("button", { name: "Add task" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a task" });
  await dialog.getByLabel("Task").fill("Send the stretching sheet tomorrow");
  await expect(dialog.getByTestId("quick-add-understood")).toContainText("Sofia Marin");
  await dialog.getByRole("button", { name: "Add task" }).click();
  await expect(section.getByRole("listitem", { name: "Send the stretching sheet" })).toBeVisible();
  await page.goto("/tasks?view=clients");
  await expect(page.getByRole("region", { name: "Clients: Sofia Marin" })).toContainText("Send the stretching sheet");
});

test.describe("on a phone", () => {
  test.use({ viewport: { width: 375, height: 812 }, isMobile: true, hasTouch: true });

  test("the header's Add task button opens the quick-add, and the page fits 375 px", async ({ page, baseURL }) => {
    await signUpThroughApi(page.context().request, baseURL ?? "", newAccount("phonetasks"));
    await page.goto("/tasks?view=upcoming");
    await expect(page.getByRole("heading", { name: "Nothing coming up" })).toBeVisible();
    await page.getByRole("banner").getByRole("button", { name: "Add task" }).tap();
    const dialog = page.getByRole("dialog", { name: "Add a task" });
    await dialog.getByLabel("Task").fill("Call Sofia tomorrow 3pm !high");
    await expect(dialog.getByTestId("quick-add-understood")).toContainText("Call Sofia");
    await dialog.getByRole("button", { name: "Add task" }).tap();
    await expect(dialog).toBeHidden();
    const row = page.getByRole("listitem", { name: "Call Sofia" });
    await expect(row).toContainText("P1");
    await row.getByRole("button", { name: "Complete Call Sofia" }).tap();
    await expect(row).toBeHidden();
    const { overflow, culprits, scrollers } = await horizontalOverflow(page);
    expect(overflow, culprits.join("\n")).toBeLessThanOrEqual(0);
    expect(scrollers).toEqual([]);
    // The page's own content (the shell's header is checked by every-page.spec.ts).
    const axe = await new AxeBuilder({ page }).include("#main-content").analyze();
    const serious = axe.violations.filter((violation) => ["serious", "critical"].includes(violation.impact ?? ""));
    expect(serious.map((violation) => `${violation.id}: ${violation.nodes[0]?.html ?? ""}`)).toEqual([]);
  });
});
