import { expect, test } from "@playwright/test";
import { rateNewCardsEasy, SCREENSHOT_DIR, signUp } from "./support";

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

test("change a module's retention in the library: decline the offer to reschedule, then take it, see the result and the run in Settings", async ({ page }) => {
  await signUp(page, "library-reschedule");
  await rateNewCardsEasy(page, 5);
  const runs = async () =>
    ((await (await page.request.get("/api/reschedule")).json()) as { runs: { reason: string; reviewCards: number; changedCards: number }[] }).runs;

  await page.goto("/library");
  const course = page.getByTestId("library-transformer-architecture");
  await course.getByText(/^Settings/).tap();
  const offer = course.getByTestId("reschedule-offer");
  const save = course.getByRole("button", { name: "Save study settings" });

  // Declined: the offer goes and nothing is rescheduled.
  await course.getByLabel("Desired retention").selectOption({ label: "80%" });
  await save.tap();
  await expect(offer).toContainText(/Reschedule \d+ review cards? to match\?/);
  await offer.getByRole("button", { name: "Not now" }).tap();
  await expect(offer).toHaveCount(0);
  expect(await runs()).toEqual([]);

  // Saving without a retention change offers nothing.
  await course.getByLabel("New cards per day from this module").fill("7");
  const saved = page.waitForResponse((response) => response.url().endsWith("/api/modules/transformer-architecture/study"));
  await save.tap();
  expect(await (await saved).json()).toEqual({ rescheduleReason: null });
  await expect(course.getByRole("status")).toHaveText("Saved");
  await expect(offer).toHaveCount(0);

  await course.getByLabel("Desired retention").selectOption({ label: "70%" });
  await save.tap();
  await expect(offer).toContainText(/Reschedule \d+ review cards? to match\?/);
  await expect(offer.getByTestId("reschedule-preview")).toContainText(/\d+ later · due by the end of tomorrow: \d+ → \d+/);
  await offer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/library-reschedule-offer-390.png` });
  await page.setViewportSize({ width: 320, height: 640 });
  await offer.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  // Nested in the module's settings the offer is narrowest: its buttons stay inside its border.
  const inside = await offer.evaluate((box) => {
    const right = box.getBoundingClientRect().right;
    return [...box.querySelectorAll("button")].every((button) => button.getBoundingClientRect().right <= right);
  });
  expect(inside).toBe(true);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/library-reschedule-offer-320.png` });
  await page.setViewportSize({ width: 390, height: 844 });

  await offer.getByTestId("reschedule-accept").tap();
  await expect(offer.getByTestId("reschedule-result")).toContainText(/Rescheduled \d+ review cards?\./);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/library-reschedule-result-390.png` });
  const [run, ...older] = await runs();
  expect(older).toEqual([]);
  expect(run).toMatchObject({ reason: "RETENTION", reviewCards: 5 });
  expect(run?.changedCards).toBeGreaterThan(0);
  await expect(offer.getByTestId("reschedule-result")).toContainText(`Rescheduled ${run?.changedCards} review card`);

  await offer.getByTestId("reschedule-undo").tap();
  await expect(offer.getByTestId("reschedule-undone")).toContainText(`Put back ${run?.changedCards} review card`);

  await page.goto("/settings");
  await expect(page.getByTestId("reschedule-run")).toContainText(/after a retention change: \d+ of 5 moved\./);
  await expect(page.getByTestId("reschedule-run")).toContainText("Undone.");
});
