import { expect, test } from "@playwright/test";
import { writeAnkiPackage } from "../../lib/anki/write-package";
import { sampleCollection } from "../unit/anki/support/sample-collection";
import { SCREENSHOT_DIR, signUp } from "./support";

test("import an Anki package through the preview, then open an imported card's review history and a card's image", async ({ page }) => {
  await signUp(page, "anki");
  const apkg = await writeAnkiPackage(sampleCollection(), new Date("2025-03-01T09:00:00Z"));

  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles({ name: "transformers.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(apkg) });
  await expect(page.getByTestId("import-module")).toHaveCount(0);
  await page.getByTestId("import-preview-button").tap();
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
