import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

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
  await preset.getByRole("button", { name: "Save preset" }).tap();
  await expect(preset.getByRole("status")).toHaveText("Saved");
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
  await again.getByRole("button", { name: /Delete preset/ }).tap();
  await expect(page.getByTestId("presets").getByTestId("preset")).toHaveCount(0);
  expect(await newToday()).toBe(20);
});
