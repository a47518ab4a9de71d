import { expect, test } from "@playwright/test";
import { findExercise } from "../../exercises";
import { formatStepValue } from "../../lib/grading/format-value";
import * as float64 from "../../lib/reference/float64";
import { SCREENSHOT_DIR, signUp } from "./support";

const SLUG = "layernorm-by-hand";
const SEED = 7;

function answersFor(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, formatStepValue(v as number | number[], 6)]));
}

test("solve an exercise wrong (the mistake is named), then right", async ({ page }) => {
  const exercise = findExercise(SLUG);
  if (!exercise) throw new Error(SLUG);
  const reference = answersFor(exercise.solve(SEED, float64));
  const wrong = exercise.wrongMethods(SEED, float64).find((m) => m.code === "sample-variance");
  const mistaken = { ...reference, ...answersFor(wrong?.values ?? {}) };

  await signUp(page, "exercise");
  await page.goto("/exercises");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercises.png`, fullPage: true });
  await page.goto(`/exercises/${SLUG}?seed=${SEED}`);
  await page.getByRole("button", { name: "Check" }).tap();
  await expect(page.getByTestId("exercise-form").getByRole("alert")).toHaveText("Enter mean μ (step 1).");
  for (const [step, text] of Object.entries(mistaken)) await page.getByTestId(`answer-${step}`).fill(text);
  await page.getByRole("button", { name: "Check" }).tap();
  await expect(page.getByTestId("misconception").first()).toHaveAttribute("data-code", "sample-variance");
  await expect(page.getByTestId("misconception").first()).toContainText("You divided by n − 1 (sample variance).");
  await expect(page.getByTestId("misconception").first()).not.toContainText("sample-variance");
  await expect(page.getByTestId("verdict")).toContainText("Score");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-wrong.png`, fullPage: true });

  for (const [step, text] of Object.entries(reference)) await page.getByTestId(`answer-${step}`).fill(text);
  await page.getByRole("button", { name: "Check" }).tap();
  await expect(page.getByTestId("verdict")).toHaveText("All steps right.");
  await expect(page.getByTestId("attempt-history")).toContainText("✓");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-right.png`, fullPage: true });

  await page.goto("/progress");
  await expect(page.getByTestId("misconceptions")).toContainText("You divided by n − 1 (sample variance).");
  await expect(page.getByTestId("misconceptions")).not.toContainText("sample-variance");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/progress.png` });
});

test("the health check reports the grader's reference backend", async ({ request }) => {
  const health = (await (await request.get("/api/health")).json()) as { grader: { reference: string } };
  expect(["node", "wasm", "cpu"]).toContain(health.grader.reference);
});

test("an answer two mistakes explain names the closer and says the other is possible", async ({ page }) => {
  const slug = "attention-ffn-flop-crossover";
  const seed = 5;
  const exercise = findExercise(slug);
  if (!exercise) throw new Error(slug);
  const reference = exercise.solve(seed, float64);
  // Only the attention count halved: it fits "scores only" and "a multiply-add as one FLOP" alike.
  const typed = { ...answersFor(reference), attentionFlops: String((reference.attentionFlops as number) / 2) };
  await signUp(page, "exercise-two-fit");
  await page.goto(`/exercises/${slug}?seed=${seed}`);
  for (const [step, text] of Object.entries(typed)) await page.getByTestId(`answer-${step}`).fill(text);
  await page.getByRole("button", { name: "Check" }).tap();
  const named = page.getByTestId("feedback-attentionFlops").getByTestId("misconception");
  await expect(named).toHaveAttribute("data-code", "scores-only");
  await expect(named.getByTestId("also-possible")).toHaveAttribute("data-code", "multiply-add-one-flop");
  await expect(named.getByTestId("also-possible")).toHaveText("It could also be: A multiply-add counted as one FLOP.");
  await page.getByTestId("feedback-attentionFlops").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-also-possible.png` });
});
