import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, reviewCurrent, signUp } from "./support";

test("run the workload simulator on /stats at a chosen retention, then at the recommended one; download the revlog CSV", async ({ page }) => {
  await signUp(page, "simulator");
  await page.getByTestId("start-review").tap();
  await expect(page.getByTestId("card")).toBeVisible();
  for (const rating of [3, 4, 3] as const) await reviewCurrent(page, rating);
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");

  await page.goto("/stats");
  const simulator = page.getByTestId("simulator");
  await simulator.scrollIntoViewIfNeeded();
  await expect(page.getByTestId("sim-retention-value")).toHaveText("90%");
  await page.getByTestId("sim-retention").fill("0.8");
  await expect(page.getByTestId("sim-retention-value")).toHaveText("80%");
  await page.getByTestId("simulate").tap();

  const result = page.getByTestId("simulation-result");
  await expect(result).toBeVisible({ timeout: 30_000 });
  const chart = page.getByTestId("workload-chart");
  await expect(chart.locator("rect.bar")).toHaveCount(53);
  await expect(chart.locator("polyline.knowledge")).toHaveCount(1);
  expect(Number(await page.getByTestId("sim-reviews-per-day").textContent())).toBeGreaterThan(0);
  await expect(page.getByTestId("sim-knowledge")).not.toHaveText("0");
  await expect(page.getByTestId("sim-recommended")).toContainText(/Minimum recommended retention: \d{2}%/);
  await result.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/simulator-result.png`, fullPage: true });

  const recommended = /(\d{2})%/.exec((await page.getByTestId("sim-recommended").textContent()) ?? "")?.[1];
  if (recommended && recommended !== "80") {
    await page.getByTestId("sim-try-recommended").tap();
    await expect(page.getByTestId("sim-retention-value")).toHaveText(`${recommended}%`);
    await expect(page.getByTestId("simulation-result")).toBeVisible({ timeout: 30_000 });
  }

  await page.goto("/settings");
  await page.getByTestId("your-data").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("export-revlog-json")).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-revlog-csv").tap()]);
  expect(download.suggestedFilename()).toMatch(/^residual-revlog-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = readFileSync(await download.path(), "utf8")
    .trimEnd()
    .split("\r\n");
  expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
  expect(lines.slice(1).map((line) => line.split(",")[2])).toEqual(["3", "4", "3"]);
});
