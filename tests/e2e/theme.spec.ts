// The theme follows the device until the learner picks one in Settings; the
// server puts the choice on <html>, so the page arrives in the right colours.
import { expect, test, type Page } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

/** The body's background lightness, 0 (black) to 255 (white). */
async function backgroundLightness(page: Page): Promise<number> {
  const colour = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  const [r = 0, g = 0, b = 0] = (colour.match(/\d+/g) ?? []).map(Number);
  return (r + g + b) / 3;
}

async function chooseTheme(page: Page, value: "SYSTEM" | "LIGHT" | "DARK"): Promise<void> {
  await page.goto("/settings");
  await page.getByLabel("Theme").selectOption(value);
  await page.getByRole("button", { name: "Save settings" }).tap();
  await expect(page.getByText("Saved")).toBeVisible();
}

test.use({ colorScheme: "light" });

test("on System the page follows the device's light scheme; Dark pins it dark from the first byte", async ({ page }) => {
  await signUp(page, "theme");
  expect(await backgroundLightness(page)).toBeGreaterThan(200);
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await backgroundLightness(page)).toBeLessThan(60);
  await page.emulateMedia({ colorScheme: "light" });

  await chooseTheme(page, "DARK");
  expect(await backgroundLightness(page)).toBeLessThan(60);
  const html = await (await page.request.get("/stats")).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await page.goto("/stats");
  expect(await backgroundLightness(page)).toBeLessThan(60);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/theme-dark.png` });

  await chooseTheme(page, "LIGHT");
  await page.emulateMedia({ colorScheme: "dark" });
  await page.goto("/stats");
  expect(await backgroundLightness(page)).toBeGreaterThan(200);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/theme-light.png` });

  await chooseTheme(page, "SYSTEM");
  expect(await backgroundLightness(page)).toBeLessThan(60);
  expect(await (await page.request.get("/stats")).text()).not.toMatch(/<html[^>]*data-theme=/);
});
