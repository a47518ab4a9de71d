import { randomUUID } from "node:crypto";
import { expect, type Page } from "@playwright/test";

export const SCREENSHOT_DIR = ".cache/screens";

/** Signs up a fresh user through the form and waits for the overview. */
export async function signUp(page: Page, name = "phone"): Promise<string> {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  await page.goto("/sign-up");
  await page.getByLabel("Name").fill("Phone Learner");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).tap();
  // The first sign-up after the server starts loads the password list and the session code: on a busy machine, seconds.
  await expect(page.getByTestId("due-counts")).toBeVisible({ timeout: 20_000 });
  return email;
}

/** Reveals the current card and taps a rating, waiting for the next card to show. */
export async function reviewCurrent(page: Page, rating: 1 | 2 | 3 | 4): Promise<void> {
  const card = page.getByTestId("card");
  const cardId = await card.getAttribute("data-card-id");
  await card.tap();
  await expect(page.getByTestId("answer")).toBeVisible();
  await page.getByTestId(`rate-${rating}`).tap();
  // A learning card comes back later in the session, never straight away.
  await expect(card).not.toHaveAttribute("data-card-id", cardId ?? "");
  // Past the double-tap guard, as a person's next tap would be.
  await page.waitForTimeout(450);
}

/** Rates `count` of today's new cards Easy through the review API, as the review screen's outbox posts them. */
export async function rateNewCardsEasy(page: Page, count: number): Promise<void> {
  const queue = (await (await page.request.get("/api/queue")).json()) as { cards: { cardId: string; isNew: boolean }[] };
  const fresh = queue.cards.filter((card) => card.isNew).slice(0, count);
  expect(fresh).toHaveLength(count);
  const origin = new URL(page.url()).origin;
  for (const card of fresh) {
    const response = await page.request.post("/api/reviews", { headers: { origin }, data: { id: randomUUID(), cardId: card.cardId, rating: 4 } });
    expect(response.status()).toBe(201);
  }
}
