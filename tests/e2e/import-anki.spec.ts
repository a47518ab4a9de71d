import { expect, test } from "@playwright/test";
import { BENCH_T0, DAY_MS, benchAnkiCollection } from "../../bench/support/anki-bench-package";
import { writeAnkiPackage } from "../../lib/anki/write-package";
import { writeLatestPackage } from "../unit/anki/support/build-latest";
import { sampleCollection } from "../unit/anki/support/sample-collection";
import { SCREENSHOT_DIR, signUp } from "./support";

test("import an Anki package through the preview, then open an imported card's review history and a card's image", async ({ page }) => {
  await signUp(page, "anki");
  const apkg = await writeAnkiPackage(sampleCollection(), new Date("2025-03-01T09:00:00Z"));

  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles({ name: "transformers.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(apkg) });
  await expect(page.getByTestId("import-module")).toHaveCount(0);
  await page.getByTestId("import-preview-button").tap();
  // The package is read by the import worker as a job; the page follows it to its preview.
  const summary = page.getByTestId("anki-summary");
  await expect(summary).toContainText("Review history");
  await expect(page.getByTestId("import-images")).toContainText("1 to store");
  // Nested decks read as a person would; cards sit at their note's number, fronts as plain text.
  const nested = page.getByTestId("import-preview").filter({ hasText: "Transformers › Attention" });
  await expect(nested).toContainText("note 1 What does LayerNorm normalise?");
  await expect(nested).not.toContainText("**");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-anki-preview.png`, fullPage: true });
  await page.getByTestId("import-confirm").tap();
  await expect(page.getByTestId("import-done")).toContainText("Imported");

  // The card reviewed four times in Anki: its history came along.
  await page.goto("/cards?q=LayerNorm");
  await page.getByTestId("card-list").getByRole("link").filter({ hasText: "LayerNorm" }).first().tap();
  const history = page.getByTestId("card-history");
  await expect(history.locator("tbody tr")).toHaveCount(4);
  await expect(page.getByTestId("card-schedule")).toContainText(/review/i);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-anki-card-history.png`, fullPage: true });

  // The cloze note's Back Extra showed the package's diagram: it came along and is served to its owner.
  await page.goto("/cards?q=softmax");
  await page.getByTestId("card-list").getByRole("link").filter({ hasText: "Attention is" }).first().tap();
  const image = page.getByTestId("card-info").locator('img[src^="/api/images/"]');
  await expect(image).toBeVisible();
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(24);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-anki-card-image.png`, fullPage: true });
});

test("a larger package shows its progress while it is read, then while the confirmed import is written", async ({ page }) => {
  test.setTimeout(180_000);
  await signUp(page, "anki-progress");
  const apkg = await writeLatestPackage(benchAnkiCollection(3_000, 5, 3), new Date(BENCH_T0 + 400 * DAY_MS));

  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles({ name: "big.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(apkg) });
  await page.getByTestId("import-preview-button").tap();
  const progress = page.getByTestId("import-progress");
  await expect(progress).toContainText("Reading your package");
  // A step with its count, as the worker writes it (every ~250 ms; the page asks every ~500 ms).
  await expect(page.getByTestId("import-phase")).toContainText(/step \d of 3.* of [\d,]+ (steps|notes|decks)/, { timeout: 60_000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-anki-progress.png`, fullPage: true });
  await expect(page.getByTestId("anki-summary")).toContainText("3 decks", { timeout: 120_000 });
  await expect(progress).toHaveCount(0);

  await page.getByTestId("import-confirm").tap();
  await expect(progress).toContainText("Importing");
  await expect(page.getByTestId("import-done")).toContainText("Imported 3 decks", { timeout: 120_000 });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-anki-done.png`, fullPage: true });
  await page.getByRole("link", { name: "Your library" }).tap();
  await expect(page).toHaveURL(/\/library$/);
});
