import { expect, test } from "@playwright/test";
import { writeAnkiPackage } from "../../lib/anki/write-package";
import { sampleCollection } from "../unit/anki/support/sample-collection";
import { SCREENSHOT_DIR, signUp } from "./support";

test("import an Anki package through the preview, then open an imported card's review history", async ({ page }) => {
  await signUp(page, "anki");
  const apkg = await writeAnkiPackage(sampleCollection(), new Date("2025-03-01T09:00:00Z"));

  await page.goto("/import");
  await page.getByTestId("import-file").setInputFiles({ name: "transformers.apkg", mimeType: "application/octet-stream", buffer: Buffer.from(apkg) });
  await expect(page.getByTestId("import-module")).toHaveCount(0);
  await page.getByTestId("import-preview-button").tap();
  const summary = page.getByTestId("anki-summary");
  await expect(summary).toContainText("Review history");
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
});
