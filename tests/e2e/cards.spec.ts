import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

test("review a card, find it by search, open its history and suspend it from there", async ({ page }) => {
  await signUp(page, "cards");
  await page.getByTestId("start-review").tap();
  const card = page.getByTestId("card");
  await expect(card).toBeVisible();
  const cardId = (await card.getAttribute("data-card-id")) ?? "";
  // biome-ignore lint/performance/useDomNodeTextContent: Playwright's innerText is the text as shown (KaTeX's hidden MathML left out), what a person would type
  const front = (await card.locator(".card-front").innerText()).trim();
  await card.tap();
  await page.getByTestId("rate-3").tap();
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");

  // A distinctive word of the front, typed as a prefix.
  const word = (front.match(/[A-Za-z]{6,}/g) ?? ["attention"]).sort((a, b) => b.length - a.length)[0] ?? "attention";
  await page.goto("/cards");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/cards.png`, fullPage: true });
  const rows = page.locator(".card-row");
  const unfiltered = await rows.count();
  await page.getByTestId("card-search").fill(word.slice(0, -1));
  await page.waitForURL(/q=/);
  await expect.poll(() => rows.count()).toBeLessThan(unfiltered);
  const row = page.locator(`a[href="/cards/${cardId}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("learning");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/cards-search.png`, fullPage: true });

  await row.tap();
  await expect(page.getByTestId("card-history").locator("tbody tr")).toHaveCount(1);
  await expect(page.getByTestId("card-history")).toContainText("Good");
  await expect(page.getByTestId("card-schedule")).toContainText("Recall now");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/card-info.png`, fullPage: true });

  await page.getByRole("button", { name: "Suspend" }).tap();
  await expect(page.getByRole("status")).toContainText("Suspended");
  await expect(page.getByTestId("card-info").getByText("suspended")).toBeVisible();
  await expect(page.getByRole("button", { name: "Unsuspend" })).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/card-info-suspended.png`, fullPage: true });

  await page.goto("/cards?suspended=1");
  await expect(page.locator(`a[href="/cards/${cardId}"]`)).toContainText("suspended");
  // Tags belong to the shared course card: refused with the reason.
  await page.getByText("Act on all matching").tap();
  await page.getByLabel("Action").selectOption("add-tag");
  await page.getByLabel("Tag to add or remove").fill("mine");
  await page.getByRole("button", { name: /Add tag · all matching/ }).tap();
  await expect(page.getByRole("status")).toContainText("read-only");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/cards-bulk.png`, fullPage: true });
});
