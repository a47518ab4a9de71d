import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, reviewCurrent, signUp } from "./support";

test("review a few cards, see them on /stats, download the review log from Settings", async ({ page }) => {
  await signUp(page, "stats");
  await page.getByTestId("start-review").tap();
  await expect(page.getByTestId("card")).toBeVisible();
  for (const rating of [3, 3, 1, 4] as const) await reviewCurrent(page, rating);
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");

  await page.goto("/progress");
  await page.getByRole("link", { name: "Stats" }).tap();
  await expect(page).toHaveURL(/\/stats$/);
  await expect(page.getByTestId("streak")).toContainText("1");
  await expect(page.getByTestId("retention")).toContainText("not enough reviews yet");
  const forecast = page.getByTestId("forecast-chart");
  await expect(forecast).toBeVisible();
  await expect(forecast.locator("rect.bar")).toHaveCount(30);
  const heatmap = page.getByTestId("review-heatmap");
  await expect(heatmap).toBeVisible();
  await expect(heatmap.locator("rect.heat[data-count='4']")).toHaveCount(1);
  await expect(heatmap.locator("rect.heat-4")).toHaveCount(1);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/stats-page.png`, fullPage: true });

  await page.goto("/settings");
  const yourData = page.getByTestId("your-data");
  await yourData.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/stats-settings-your-data.png` });
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByTestId("export-reviews-csv").tap()]);
  expect(download.suggestedFilename()).toMatch(/^residual-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
  const path = await download.path();
  const lines = readFileSync(path, "utf8").trimEnd().split("\r\n");
  expect(lines[0]).toBe("id,cardId,reviewedAt,rating,state,elapsedDays,lastElapsedDays,scheduledDays,learningSteps,stability,difficulty,due,durationMs");
  expect(lines).toHaveLength(5);
  expect(lines.slice(1).map((line) => line.split(",")[3])).toEqual(["3", "3", "1", "4"]);
});
