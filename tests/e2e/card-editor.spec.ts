import { expect, test } from "@playwright/test";
import { join } from "node:path";
import { SCREENSHOT_DIR, signUp } from "./support";

const IMAGE = join(process.cwd(), "tests", "fixtures", "images", "diagram-240x120.png");

test("write a cloze card with math and an image on a phone, find it by search, review it, edit it from the review screen, undo keeps the edit", async ({
  page,
  baseURL,
}) => {
  // The editor's preview, images and the sheet all run under the page's Content-Security-Policy.
  await page.addInitScript(() => {
    const seen: string[] = [];
    Object.assign(window, { cspSeen: seen });
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective} ${event.blockedURI}`));
  });
  const cspViolations = () => page.evaluate(() => (window as unknown as { cspSeen: string[] }).cspSeen);
  await signUp(page, "editor");
  // Only this learner's own card in today's review: take the built-in course out.
  await page.goto("/library");
  await page.getByTestId("library-transformer-architecture").getByRole("switch").tap();
  await expect(page.getByTestId("library-transformer-architecture").getByText("Off")).toBeVisible();
  const made = await page.request.post("/api/modules", { data: { slug: "attention-notes", title: "Attention notes" }, headers: { origin: baseURL ?? "" } });
  expect(made.status()).toBe(201);

  await page.goto("/cards/new?module=attention-notes");
  const editor = page.getByTestId("card-editor");
  await editor.getByRole("button", { name: "Cloze" }).tap();
  const text = editor.locator("textarea[name=text]");
  await text.fill("Scores are divided by $\\sqrt{d_k}$ before the softmax");
  // Select "softmax" and make it a gap with the button.
  await text.evaluate((el: HTMLTextAreaElement) => {
    const start = el.value.indexOf("softmax");
    el.focus();
    el.setSelectionRange(start, start + "softmax".length);
  });
  await editor.getByTestId("make-gap").tap();
  await expect(text).toHaveValue("Scores are divided by $\\sqrt{d_k}$ before the {{c1::softmax}}");
  await editor.getByTestId("image-input").setInputFiles(IMAGE);
  await expect(text).toHaveValue(/!\[image\]\(\/api\/images\/[0-9a-f-]{36}\)/);
  await editor.locator("input[name=topic]").fill("Attention");
  await editor.locator("input[name=tags]").fill("attention softmax");
  const preview = editor.getByTestId("preview-card");
  await expect(preview).toHaveCount(1);
  await expect(preview.locator(".card-front .katex")).toBeVisible();
  await expect(preview.locator(".card-front")).toContainText("[…]");
  await expect.poll(() => preview.locator(".card-front img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/card-editor-cloze.png`, fullPage: true });
  await editor.getByTestId("save-card").tap();
  await expect(editor.getByTestId("editor-status")).toHaveText("Saved: 1 card");
  await expect(text).toHaveValue("");
  expect(await cspViolations()).toEqual([]);

  // Found by a word of its text typed as a prefix, among the cards of every module.
  await page.goto("/cards");
  await page.getByTestId("card-search").fill("divid");
  await page.waitForURL(/q=divid/);
  const found = page.locator(".card-row").filter({ hasText: "Attention notes" });
  await expect(found).toHaveCount(1);
  await expect(found).toContainText("Scores are divided by");
  await expect(found).toContainText("new");
  await expect(found).toContainText("#softmax");
  // Every word must match: one that is nowhere in the card leaves it out.
  await page.getByTestId("card-search").fill("divided zyzzyva");
  await page.waitForURL(/zyzzyva/);
  await expect(found).toHaveCount(0);

  await page.goto("/review");
  const card = page.getByTestId("card");
  await expect(card.locator(".card-front")).toContainText("[…]");
  await expect(card.locator(".card-front .katex")).toBeVisible();
  await expect.poll(() => card.locator(".card-front img").evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(240);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/card-editor-review.png`, fullPage: true });

  await card.getByTestId("edit-card").tap();
  const sheet = page.getByTestId("edit-sheet");
  const sheetText = sheet.locator("textarea[name=text]");
  await expect(sheetText).toHaveValue(/\{\{c1::softmax\}\}/);
  await sheetText.fill((await sheetText.inputValue()).replace("{{c1::softmax}}", "{{c1::softmax over the keys}}"));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/card-editor-sheet.png`, fullPage: true });
  await sheet.getByTestId("save-card").tap();
  await expect(sheet).toHaveCount(0);
  await card.tap();
  await expect(page.getByTestId("answer")).toContainText("softmax over the keys");
  await expect(page.getByTestId("answer").locator("img")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/card-editor-edited.png`, fullPage: true });

  await page.getByTestId("rate-3").tap();
  await page.waitForTimeout(450);
  await page.getByTestId("undo").tap();
  await expect(page.getByTestId("card")).toBeVisible();
  await page.getByTestId("card").tap();
  await expect(page.getByTestId("answer")).toContainText("softmax over the keys");
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");
  await page.reload();
  await page.getByTestId("card").tap();
  await expect(page.getByTestId("answer")).toContainText("softmax over the keys");

  expect(await cspViolations()).toEqual([]);

  // Desktop keyboard: e opens the editor, Escape closes it.
  await page.keyboard.press("e");
  await expect(page.getByTestId("edit-sheet")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.getByTestId("edit-sheet")).toHaveCount(0);
});

test("no pencil on the built-in course's cards", async ({ page }) => {
  await signUp(page, "no-pencil");
  await page.goto("/review");
  await expect(page.getByTestId("card")).toBeVisible();
  await expect(page.getByTestId("edit-card")).toHaveCount(0);
});
