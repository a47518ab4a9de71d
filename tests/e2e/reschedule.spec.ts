// Reschedule on change, on a phone: lower the desired retention in Settings,
// take the offer to reschedule (with its preview), see the result, undo it.
import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

const DAY = 86_400_000;

test("lower the retention in Settings, accept the offer to reschedule, see the result and undo it", async ({ page, baseURL }) => {
  test.setTimeout(180_000);
  await signUp(page, "reschedule");
  const origin = { origin: baseURL ?? "" };
  expect((await page.request.patch("/api/settings", { data: { newCardsPerDay: 500 }, headers: origin })).status()).toBe(200);
  const queue = (await (await page.request.get("/api/queue")).json()) as { cards: { cardId: string }[] };
  const cardIds = queue.cards.slice(0, 24).map((card) => card.cardId);
  expect(cardIds.length).toBe(24);
  // Three weeks of Good reviews, sent as the offline outbox sends them: every card ends in review.
  const now = Date.now();
  for (const day of [-29, -26, -16]) {
    for (const [i, cardId] of cardIds.entries()) {
      const response = await page.request.post("/api/reviews", {
        data: { id: randomUUID(), cardId, rating: 3, durationMs: 3000, reviewedAt: now + day * DAY + i * 1000 },
        headers: origin,
      });
      expect(response.status()).toBe(201);
    }
  }

  await page.goto("/settings");
  const form = page.getByTestId("settings-form");
  const slider = form.locator('input[name="settings-desiredRetention"]');
  await slider.focus();
  for (let i = 0; i < 10; i++) await slider.press("ArrowLeft");
  await expect(form).toContainText("Desired retention: 80%");
  await form.getByRole("button", { name: "Save settings" }).tap();

  const offer = page.getByTestId("reschedule-offer");
  await expect(offer).toContainText(/Reschedule \d+ review cards? to match\?/);
  await expect(page.getByTestId("reschedule-preview")).toContainText(/\d+ later · due by the end of tomorrow: \d+ → \d+/);
  expect(await page.getByTestId("reschedule-runs").textContent()).toContain("None yet.");
  await offer.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reschedule-offer-390.png` });

  await page.getByTestId("reschedule-accept").tap();
  await expect(page.getByTestId("reschedule-result")).toContainText(/Rescheduled \d+ review cards?\./);
  const runs = page.getByTestId("reschedule-run");
  await expect(runs).toHaveCount(1);
  await expect(runs).toContainText(/after a retention change: \d+ of 24 moved/);
  const listed = (await (await page.request.get("/api/reschedule")).json()) as { runs: { changedCards: number; reviewCards: number }[] };
  expect(listed.runs[0]?.reviewCards).toBe(24);
  expect(listed.runs[0]?.changedCards).toBeGreaterThan(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reschedule-result-390.png` });

  await page.getByTestId("reschedule-undo").tap();
  await expect(page.getByTestId("reschedule-undone")).toContainText(`Put back ${listed.runs[0]?.changedCards} review card`);
  await expect(runs).toContainText("Undone.");
  await expect(page.getByTestId("reschedule-run-undo")).toHaveCount(0);

  await page.setViewportSize({ width: 320, height: 640 });
  await page.getByTestId("reschedule-runs").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reschedule-runs-320.png` });
  await page.getByTestId("reschedule-manual").tap();
  await expect(page.getByTestId("reschedule-runs").getByTestId("reschedule-offer")).toContainText(/Reschedule \d+ review cards? to match\?/);
  await page.getByTestId("reschedule-runs").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/reschedule-offer-320.png` });
});
