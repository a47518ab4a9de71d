import { randomUUID } from "node:crypto";
import { expect, test } from "@playwright/test";
import { findExercise } from "../../exercises";
import { formatStepValue } from "../../lib/grading/format-value";
import * as float64 from "../../lib/reference/float64";
import { SCREENSHOT_DIR, signUp } from "./support";

type QueueBody = { cards: { cardId: string; exercise: { slug: string } | null }[] };

test("an exercise card in the daily queue is solved, graded and rated by its grade", async ({ page }) => {
  await signUp(page, "excard");
  expect((await page.request.patch("/api/settings", { data: { newCardsPerDay: 200 } })).status()).toBe(200);
  // Review (Easy) every card ahead of the first exercise card, so it comes first.
  const queue = (await (await page.request.get("/api/queue")).json()) as QueueBody;
  const index = queue.cards.findIndex((c) => c.exercise !== null);
  expect(index).toBeGreaterThanOrEqual(0);
  for (const card of queue.cards.slice(0, index)) {
    const posted = await page.request.post("/api/reviews", { data: { id: randomUUID(), cardId: card.cardId, rating: 4 } });
    expect(posted.status()).toBe(201);
  }

  await page.goto("/review");
  const face = page.getByTestId("card");
  await expect(face).toHaveAttribute("data-exercise", /.+/);
  const slug = (await face.getAttribute("data-exercise")) ?? "";
  const seed = Number(await face.getAttribute("data-seed"));
  const exercise = findExercise(slug);
  if (!exercise) throw new Error(slug);
  const right = exercise.solve(seed, float64);
  const wrong = exercise.wrongMethods(seed, float64)[0];

  for (const step of exercise.steps) {
    const value = wrong?.values[step.key] ?? right[step.key] ?? 0;
    await page.getByTestId(`answer-${step.key}`).fill(formatStepValue(value, 8));
  }
  await page.getByTestId("check").tap();
  await expect(page.getByTestId("misconception").first()).toHaveAttribute("data-code", wrong?.code ?? "");
  // The retry is open, so the expected values stay hidden.
  await expect(page.getByText("Expected")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-exercise-wrong.png`, fullPage: true });

  for (const step of exercise.steps) await page.getByTestId(`answer-${step.key}`).fill(formatStepValue(right[step.key] ?? 0, 8));
  await page.getByTestId("check").tap();
  await expect(page.getByTestId("exercise-next")).toHaveText("Next · rated Hard");
  await page.getByTestId("exercise-next").tap();
  await expect(page.getByTestId("card")).not.toHaveAttribute("data-card-id", queue.cards[index]?.cardId ?? "");
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");
  await page.goto("/");
  await expect(page.getByText(`Reviewed today: ${index + 1}`)).toBeVisible();
});
