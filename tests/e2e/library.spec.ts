import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

test("the library: take the built-in course out of the review and back, make a module, rename, archive and delete it", async ({ page }) => {
  await signUp(page, "library");
  const dueTotal = async () => {
    await page.goto("/");
    const counts = await page.getByTestId("due-counts").locator("strong").allTextContents();
    return counts.reduce((sum, n) => sum + Number(n), 0);
  };
  expect(await dueTotal()).toBeGreaterThan(0);

  await page.goto("/library");
  const course = page.getByTestId("library-transformer-architecture");
  await expect(course).toContainText("Built-in course");
  await expect(course.getByRole("switch")).toBeChecked();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/library.png`, fullPage: true });
  await course.getByRole("switch").tap();
  await expect(course.getByText("Off")).toBeVisible();
  expect(await dueTotal()).toBe(0);

  await page.goto("/library");
  await page.getByTestId("library-transformer-architecture").getByRole("switch").tap();
  await expect(page.getByTestId("library-transformer-architecture").getByText("In review")).toBeVisible();
  expect(await dueTotal()).toBeGreaterThan(0);

  await page.goto("/library");
  await page.getByText("New module").tap();
  const form = page.getByTestId("new-module-form");
  await form.getByLabel("Title").fill("Interview notes: attention");
  await expect(form.getByLabel(/Short name/)).toHaveValue("interview-notes-attention");
  await form.getByRole("button", { name: "Create module" }).tap();
  const mine = page.getByTestId("library-interview-notes-attention");
  await expect(mine).toContainText("Yours · 0 cards");

  await mine.getByText(/^Settings/).tap();
  await mine.getByLabel("Title").fill("Attention notes");
  await mine.getByRole("button", { name: "Save name" }).tap();
  await expect(mine.getByRole("heading")).toHaveText("Attention notes");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/library-own-module.png`, fullPage: true });

  await mine.getByRole("button", { name: /^Archive/ }).tap();
  await expect(page.getByRole("region", { name: "Archived modules" }).getByTestId("library-interview-notes-attention")).toBeVisible();

  const archived = page.getByTestId("library-interview-notes-attention");
  await archived.getByText(/^Settings/).tap();
  const remove = archived.getByRole("button", { name: "Delete module" });
  await expect(remove).toBeDisabled();
  await archived.getByLabel(/type/).fill("interview-notes-attention");
  await remove.tap();
  await expect(page.getByTestId("library-interview-notes-attention")).toHaveCount(0);
});
