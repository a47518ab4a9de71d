import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

const DAY = 86_400_000;

test("optimise from a month of reviews in Settings: the page says whether the new parameters were adopted and by how much", async ({ page, baseURL }) => {
  test.setTimeout(240_000);
  await signUp(page, "optimizer");
  const origin = { origin: baseURL ?? "" };
  expect((await page.request.patch("/api/settings", { data: { newCardsPerDay: 500 }, headers: origin })).status()).toBe(200);
  const queue = (await (await page.request.get("/api/queue")).json()) as { cards: { cardId: string }[] };
  const cardIds = queue.cards.map((card) => card.cardId);
  expect(cardIds.length).toBeGreaterThanOrEqual(90);

  // A month of history, sent as the offline outbox sends it (each review with the time it was made).
  const now = Date.now();
  const days = [-30, -27, -20, -12, -4];
  for (const [step, day] of days.entries()) {
    for (const [i, cardId] of cardIds.entries()) {
      const rating = step > 0 && i % 5 === step ? 1 : 3;
      const response = await page.request.post("/api/reviews", {
        data: { id: randomUUID(), cardId, rating, durationMs: 4000 + (i % 7) * 1000, reviewedAt: now + day * DAY + i * 1000 },
        headers: origin,
      });
      expect(response.status()).toBe(201);
    }
  }

  await page.goto("/settings");
  const panel = page.getByTestId("personal-parameters");
  await panel.scrollIntoViewIfNeeded();
  await expect(page.getByTestId("optimizer-suggestion")).toContainText(/reviews: optimise to fit FSRS/);
  await page.getByTestId("optimize-weights").tap();
  const lastRun = page.getByTestId("optimizer-last-run");
  await expect(lastRun).toBeVisible({ timeout: 60_000 });
  await expect(lastRun).toContainText(/(New parameters adopted|Kept the FSRS defaults).*log loss \d\.\d{4} → \d\.\d{4}, RMSE \d+\.\d% → \d+\.\d%/);
  await expect(page.getByTestId("optimizer-suggestion")).toHaveCount(0);
  await panel.screenshot({ path: `${SCREENSHOT_DIR}/optimizer-verdict.png` });
});
