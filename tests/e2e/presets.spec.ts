import { expect, test } from "@playwright/test";
import { rateNewCardsEasy, SCREENSHOT_DIR, signUp } from "./support";

test("make a preset in Settings, set it on a module in the library, and see today's counts change", async ({ page }) => {
  await signUp(page, "presets");
  const newToday = async () => {
    await page.goto("/");
    return Number(await page.getByTestId("due-new").locator("strong").textContent());
  };
  expect(await newToday()).toBe(20);

  await page.goto("/settings");
  const presets = page.getByTestId("presets");
  await presets.getByLabel("New preset").fill("Light days");
  await presets.getByTestId("preset-create").tap();
  await expect(presets.getByRole("status")).toContainText("Created Light days");
  const preset = presets.getByTestId("preset").filter({ hasText: "Light days" });
  await preset.getByText("Light days").tap();
  await preset.getByLabel("New cards per day").fill("3");
  await preset.getByLabel("Learning steps", { exact: true }).fill("2m 30m");
  await preset.getByLabel("Review order").selectOption("RETRIEVABILITY");
  // The retention stays as in the settings: the server answers no reason and nothing is offered.
  const saved = page.waitForResponse((response) => response.url().includes("/api/presets/") && response.request().method() === "PATCH");
  await preset.getByRole("button", { name: "Save preset" }).tap();
  expect(await (await saved).json()).toMatchObject({ preset: { name: "Light days", newCardsPerDay: 3 }, rescheduleReason: null });
  await expect(preset.getByRole("status")).toHaveText("Saved");
  await expect(presets.getByTestId("reschedule-offer")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-presets.png`, fullPage: true });

  await page.goto("/library");
  const course = page.getByTestId("library-transformer-architecture");
  await course.getByText(/^Settings/).tap();
  await course.getByRole("combobox", { name: "Preset", exact: true }).selectOption({ label: "Light days" });
  await course.getByRole("button", { name: "Save study settings" }).tap();
  await expect(course.getByRole("status")).toHaveText("Saved");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/library-preset.png`, fullPage: true });

  // At most the preset's 3 (fewer when a card's sibling is among them: siblings never come the same day).
  const limited = await newToday();
  expect(limited).toBeGreaterThan(0);
  expect(limited).toBeLessThanOrEqual(3);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/home-preset-counts.png`, fullPage: true });
  await page.goto("/review");
  await expect(page.getByTestId("count-new")).toHaveText(String(limited));
  // The preset's first learning step is what Again would schedule (from the API).
  const queue = (await (await page.request.get("/api/queue")).json()) as { cards: { previews: { label: string }[] }[] };
  expect(queue.cards[0]?.previews[0]?.label).toBe("2m");

  // Deleting the preset gives the module back to the learner's settings.
  await page.goto("/settings");
  const again = page.getByTestId("presets").getByTestId("preset").filter({ hasText: "Light days" });
  await again.getByText("Light days").tap();
  const deleted = page.waitForResponse((response) => response.url().includes("/api/presets/") && response.request().method() === "DELETE");
  await again.getByRole("button", { name: /Delete preset/ }).tap();
  expect(await (await deleted).json()).toEqual({ rescheduleReason: null });
  await expect(page.getByTestId("presets").getByTestId("preset")).toHaveCount(0);
  await expect(page.getByTestId("presets").getByRole("status")).toHaveText("Deleted Light days");
  await expect(page.getByTestId("presets").getByTestId("reschedule-offer")).toHaveCount(0);
  expect(await newToday()).toBe(20);
});

test("change the retention of a preset a module uses: the server's reason offers the reschedule, and deleting the preset offers it again", async ({ page }) => {
  await signUp(page, "presets-reschedule");
  await rateNewCardsEasy(page, 4);
  const runs = async () => ((await (await page.request.get("/api/reschedule")).json()) as { runs: { reason: string; changedCards: number }[] }).runs;
  const answer = (method: "PATCH" | "DELETE") =>
    page.waitForResponse((response) => response.url().includes("/api/presets/") && response.request().method() === method);

  await page.goto("/settings");
  const presets = page.getByTestId("presets");
  await presets.getByLabel("New preset").fill("Keen");
  await presets.getByTestId("preset-create").tap();
  await expect(presets.getByRole("status")).toContainText("Created Keen");
  const preset = presets.getByTestId("preset").filter({ hasText: "Keen" });
  const offer = preset.getByTestId("reschedule-offer");
  const save = async () => {
    const saved = answer("PATCH");
    await preset.getByRole("button", { name: "Save preset" }).tap();
    return ((await (await saved).json()) as { rescheduleReason: string | null }).rescheduleReason;
  };
  const slide = async (key: "ArrowLeft" | "ArrowRight", times: number, expected: string) => {
    const slider = preset.locator('input[type="range"]');
    await slider.focus();
    for (let i = 0; i < times; i++) await slider.press(key);
    await expect(preset).toContainText(`Desired retention: ${expected}`);
  };

  // No module follows it yet: a retention change moves nothing, so nothing is offered.
  await preset.getByText("Keen").tap();
  await slide("ArrowRight", 5, "95%");
  expect(await save()).toBeNull();
  await expect(preset.getByRole("status")).toHaveText("Saved");
  await expect(offer).toHaveCount(0);

  await page.goto("/library");
  const course = page.getByTestId("library-transformer-architecture");
  await course.getByText(/^Settings/).tap();
  await course.getByRole("combobox", { name: "Preset", exact: true }).selectOption({ label: "Keen" });
  await course.getByRole("button", { name: "Save study settings" }).tap();
  await expect(course.getByRole("status")).toHaveText("Saved");

  // Now the course follows it: lowering its retention offers the reschedule; a name change does not.
  await page.goto("/settings");
  await preset.getByText("Keen").tap();
  await slide("ArrowLeft", 10, "85%");
  expect(await save()).toBe("RETENTION");
  await expect(offer).toContainText(/Reschedule \d+ review cards? to match\?/);
  await offer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-preset-reschedule-offer-390.png` });
  await offer.getByTestId("reschedule-accept").tap();
  await expect(offer.getByTestId("reschedule-result")).toContainText(/Rescheduled \d+ review cards?\./);
  expect((await runs()).map((run) => run.reason)).toEqual(["RETENTION"]);

  // A name change: no new offer (the run above keeps its result and Undo).
  await preset.getByLabel("Name", { exact: true }).fill("Keen days");
  expect(await save()).toBeNull();
  await expect(preset.getByText("Keen days")).toBeVisible();
  await expect(offer).toHaveCount(1);
  await expect(offer.getByTestId("reschedule-result")).toBeVisible();

  // Deleted, the preset hands the course back to the settings' 90%: the offer comes under the list.
  const deleted = answer("DELETE");
  await preset.getByRole("button", { name: /Delete preset/ }).tap();
  expect(await (await deleted).json()).toEqual({ rescheduleReason: "RETENTION" });
  await expect(presets.getByTestId("preset")).toHaveCount(0);
  const after = presets.getByTestId("reschedule-offer");
  await expect(after).toContainText(/Reschedule \d+ review cards? to match\?/);
  await after.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-preset-deleted-offer-390.png` });
  await page.setViewportSize({ width: 320, height: 640 });
  await after.scrollIntoViewIfNeeded();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-preset-deleted-offer-320.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await after.getByTestId("reschedule-accept").tap();
  await expect(after.getByTestId("reschedule-result")).toContainText(/Rescheduled \d+ review cards?\./);
  expect((await runs()).map((run) => run.reason)).toEqual(["RETENTION", "RETENTION"]);
});
