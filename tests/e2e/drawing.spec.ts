import { randomUUID } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOT_DIR}/drawing-${name}.png`, fullPage: true });

/** Places the pre-norm parts in flow order (each auto-wired to the one above) and wires both shortcuts. */
async function buildPrenorm(page: Page, firstShortcut: "x" | "norm-1", before?: () => Promise<unknown>) {
  for (const type of ["norm", "attention", "add", "norm", "ffn", "add"]) await page.getByTestId(`place-${type}`).tap();
  await page.getByTestId("port-add-3-1").tap();
  await expect(page.getByRole("dialog")).toBeVisible();
  if (before) await before();
  await page.getByTestId(`source-${firstShortcut}`).tap();
  await page.getByTestId("port-add-6-1").tap();
  await page.getByTestId("source-add-3").tap();
  await expect(page.getByRole("dialog")).toHaveCount(0);
}

test("draw a causal mask by tapping: a wrong cell is marked, then a right grid passes", async ({ page }) => {
  await signUp(page, "mask");
  await page.goto("/exercises");
  await expect(page.getByTestId("drawing-prompts")).toBeVisible();
  await page.getByTestId("drawing-prompts").scrollIntoViewIfNeeded();
  await shot(page, "exercises-list");
  await page.getByTestId("drawing-link-causal-mask-grid").tap();
  await expect(page).toHaveURL(/\/drawings\/causal-mask-grid\?seed=\d+/);
  const n = await page.locator('[data-testid^="cell-0-"]').count();
  expect(n).toBeGreaterThanOrEqual(4);
  // Fill the lower triangle but leave query n−1 → key 0 empty, and fill one future cell.
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) if (!(i === n - 1 && j === 0)) await page.getByTestId(`cell-${i}-${j}`).tap();
  await page.getByTestId(`cell-0-${n - 1}`).tap();
  await expect(page.getByTestId("cell-1-0")).toHaveAttribute("aria-pressed", "true");
  await shot(page, "mask-before");
  await page.getByTestId("check-drawing").tap();
  await expect(page.getByTestId("verdict")).toContainText("Score");
  await expect(page.getByTestId(`cell-${n - 1}-0`)).toHaveAttribute("data-problem", "missing");
  await expect(page.getByTestId(`cell-0-${n - 1}`)).toHaveAttribute("data-problem", "extra");
  await expect(page.locator("[data-problem]")).toHaveCount(2);
  await expect(page.getByTestId("drawing-feedback")).toHaveText("2 cells wrong: 1 cell left empty that may attend, 1 filled that must not.");
  await shot(page, "mask-graded");

  // The graded grid showed the answer: drawing this variant again is practice, stored and marked.
  await page.getByTestId("try-again").tap();
  for (let i = 0; i < n; i++) for (let j = 0; j <= i; j++) await page.getByTestId(`cell-${i}-${j}`).tap();
  await page.getByTestId("check-drawing").tap();
  await expect(page.getByTestId("verdict")).toHaveText("Passed.");
  await expect(page.getByTestId("after-reveal")).toContainText("earns no credit");
  await expect(page.getByTestId("drawing-attempt").first()).toHaveAttribute("data-after-reveal", "true");
  await expect(page.getByTestId("drawing-history")).toContainText("after the answer was shown, no credit");
  await page.reload();
  await expect(page.getByTestId("variant-finished")).toContainText("no credit");
  await shot(page, "mask-after-reveal");

  // A new variant earns credit again.
  await page.getByTestId("variant-finished").getByRole("link", { name: "A new variant" }).tap();
  await expect(page.getByTestId("variant-finished")).toHaveCount(0);
  const m = await page.locator('[data-testid^="cell-0-"]').count();
  for (let i = 0; i < m; i++) for (let j = 0; j <= i; j++) await page.getByTestId(`cell-${i}-${j}`).tap();
  await page.getByTestId("check-drawing").tap();
  await expect(page.getByTestId("verdict")).toHaveText("Passed.");
  await expect(page.getByTestId("after-reveal")).toHaveCount(0);
  await expect(page.getByTestId("drawing-attempt").first()).toHaveAttribute("data-after-reveal", "false");
});

test("assemble a pre-norm block: the first wrong connection is named, the right block passes", async ({ page }) => {
  await signUp(page, "block");
  await page.goto("/drawings/prenorm-block-assembly?seed=1");
  await buildPrenorm(page, "norm-1", () => shot(page, "assembly-progress"));
  await page.getByTestId("check-drawing").tap();
  await expect(page.getByTestId("drawing-feedback")).toHaveText("The first add should take the block input x as its shortcut, not the first norm's output.");
  await expect(page.getByTestId("misconception").first()).toHaveAttribute("data-code", "shortcut-from-norm");
  await expect(page.getByTestId("misconception").first()).not.toContainText("shortcut-from-norm");
  await shot(page, "assembly-wrong");

  await page.getByTestId("try-again").tap();
  await buildPrenorm(page, "x");
  await page.getByTestId("check-drawing").tap();
  await expect(page.getByTestId("verdict")).toHaveText("Passed.");
  await expect(page.getByTestId("wire-list")).not.toContainText("✗");
  await shot(page, "assembly-passed");
});

test("sketch a KV-cache decode step, compare with the reference, tick the rubric and store it", async ({ page }) => {
  await signUp(page, "sketch");
  await page.goto("/drawings/kv-cache-decode-sketch?seed=3");
  const pad = page.getByTestId("sketch-pad");
  const box = await pad.boundingBox();
  if (!box) throw new Error("no pad");
  await page.mouse.move(box.x + 40, box.y + 40);
  await page.mouse.down();
  for (let k = 1; k <= 12; k++) await page.mouse.move(box.x + 40 + k * 20, box.y + 40 + k * 15);
  await page.mouse.up();
  await expect(pad).toHaveAttribute("aria-label", "Drawing pad, 1 stroke");
  await shot(page, "sketch-pad");
  await page.getByTestId("compare").tap();
  await expect(page.getByTestId("sketch-reference").locator("svg")).toBeVisible();
  for (const key of ["new-token-only", "append", "query-reads-all"]) await page.getByTestId(`rubric-${key}`).tap();
  await shot(page, "sketch-reference");
  await page.getByTestId("check-drawing").tap();
  await expect(page.getByTestId("verdict")).toHaveText("Score 50%");
  await expect(page.getByTestId("drawing-history")).toContainText("50%");
  await shot(page, "sketch-saved");
});

type QueueBody = { cards: { cardId: string; drawing: { slug: string } | null }[] };

test("a drawing card in the daily queue is drawn, graded and rated by its result", async ({ page }) => {
  await signUp(page, "drawcard");
  expect((await page.request.patch("/api/settings", { data: { newCardsPerDay: 200 } })).status()).toBe(200);
  const queue = (await (await page.request.get("/api/queue")).json()) as QueueBody;
  const index = queue.cards.findIndex((c) => c.drawing?.slug === "prenorm-block-assembly");
  expect(index).toBeGreaterThanOrEqual(0);
  for (const card of queue.cards.slice(0, index)) {
    const posted = await page.request.post("/api/reviews", { data: { id: randomUUID(), cardId: card.cardId, rating: 4 } });
    expect(posted.status()).toBe(201);
  }
  await page.goto("/review");
  const face = page.getByTestId("card");
  await expect(face).toHaveAttribute("data-drawing", "prenorm-block-assembly");
  await shot(page, "review-card");
  await buildPrenorm(page, "x");
  await page.getByTestId("check-drawing").tap();
  await expect(page.getByTestId("drawing-next")).toHaveText("Next · rated Good");
  await shot(page, "review-graded");
  await page.getByTestId("drawing-next").tap();
  await expect(face).not.toHaveAttribute("data-card-id", queue.cards[index]?.cardId ?? "");
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");
  await page.goto("/");
  await expect(page.getByText(`Reviewed today: ${index + 1}`)).toBeVisible();
});
