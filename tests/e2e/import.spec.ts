import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

const NOTES = [
  "# Attention notes",
  "",
  "Is MLA worth it?",
  "",
  "**1. Why scale the scores by √d_k?**",
  "",
  "To keep the logits near unit variance, so softmax does not saturate.",
  "",
  "**2.** What does the causal mask do?",
  "",
  "Adds $-\\infty$ to the scores of later positions before softmax.",
  "",
  "### What is a KV cache?",
  "",
  "The keys and values of past tokens, kept between decoding steps.",
].join("\n");

const FRONTS = ["Why scale the scores by √d_k?", "What does the causal mask do?", "What is a KV cache?"];

test("import a markdown file through the preview, confirm, and find the cards in the review queue", async ({ page }) => {
  await signUp(page, "import");
  // Room for every new card today, so the imported ones join the queue behind the course's.
  const patched = await page.request.patch("/api/settings", { data: { newCardsPerDay: 500, newIgnoresReviewLimit: true } });
  expect(patched.ok()).toBe(true);
  await page.reload();
  const newBefore = Number(await page.getByTestId("due-new").locator("strong").textContent());

  await page.getByRole("link", { name: /Import notes/ }).tap();
  await expect(page).toHaveURL(/\/import$/);
  await page.getByTestId("import-file").setInputFiles({ name: "attention-notes.md", mimeType: "text/markdown", buffer: Buffer.from(NOTES) });
  await expect(page.getByTestId("import-slug")).toHaveValue("attention-notes");
  await page.getByTestId("import-preview-button").tap();

  const preview = page.getByTestId("import-preview");
  await expect(preview).toContainText("Attention notes");
  await expect(page.getByTestId("import-count-created")).toContainText("3");
  for (const front of FRONTS) await expect(preview).toContainText(front);
  await expect(page.getByTestId("import-unread")).toContainText("line 3");
  await expect(page.getByTestId("import-unread")).toContainText("Is MLA worth it?");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-preview.png`, fullPage: true });

  await page.getByTestId("import-confirm").tap();
  await expect(page.getByTestId("import-done")).toContainText("3 new");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-done.png` });

  // The imported module is enrolled after the course, so its cards queue behind the course's new cards.
  await page.getByTestId("import-review").tap();
  await expect(page.getByTestId("card")).toBeVisible();
  await page.goto("/");
  await expect(page.getByTestId("due-new").locator("strong")).toHaveText(String(newBefore + 3));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/import-home-nav.png` });

  await page.goto("/import");
  await expect(page.getByTestId("import-module")).toContainText("Attention notes (3 cards)");
});
