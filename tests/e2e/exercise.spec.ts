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

test("a wrong try names the mistake but hides the values; shown answers finish the variant; a new variant earns credit", async ({ page }) => {
  const exercise = findExercise(SLUG);
  if (!exercise) throw new Error(SLUG);
  const reference = answersFor(exercise.solve(SEED, float64));
  const wrong = exercise.wrongMethods(SEED, float64).find((m) => m.code === "sample-variance");
  const mistaken = { ...reference, ...answersFor(wrong?.values ?? {}) };

  await signUp(page, "exercise");
  await page.goto("/exercises");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercises.png`, fullPage: true });
  await page.goto(`/exercises/${SLUG}?seed=${SEED}`);
  await expect(page.getByTestId("variant-status")).toHaveText(`Variant ${SEED} · 3 of 3 tries left`);
  await page.getByTestId("check").tap();
  await expect(page.getByTestId("exercise-form").getByRole("alert")).toHaveText("Answer at least one step");

  for (const [step, text] of Object.entries(mistaken)) await page.getByTestId(`answer-${step}`).fill(text);
  await page.getByTestId("check").tap();
  await expect(page.getByTestId("misconception").first()).toHaveAttribute("data-code", "sample-variance");
  await expect(page.getByTestId("misconception").first()).toContainText("You divided by n − 1 (sample variance).");
  await expect(page.getByTestId("misconception").first()).not.toContainText("sample-variance");
  await expect(page.getByTestId("verdict")).toContainText("Score");
  // Which steps are right, not the values: no expected value, no distance, before the reveal.
  await expect(page.getByText("Expected")).toHaveCount(0);
  await expect(page.getByText(/Off by/)).toHaveCount(0);
  await expect(page.getByTestId("variant-status")).toHaveText(`Variant ${SEED} · 2 of 3 tries left`);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-wrong.png`, fullPage: true });

  await page.getByTestId("reveal").tap();
  await expect(page.getByTestId("variant-status")).toHaveAttribute("data-revealed", "true");
  await expect(page.getByTestId("variant-status")).toHaveText(`Variant ${SEED} · answers shown on request`);
  await expect(page.getByTestId("shown-mean")).toHaveText(`Answer: ${reference.mean}`);
  await expect(page.getByTestId("variant-finished")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-revealed.png`, fullPage: true });

  // Typing the shown values back is kept as practice, marked, and earns nothing.
  for (const [step, text] of Object.entries(reference)) await page.getByTestId(`answer-${step}`).fill(text);
  await page.getByTestId("check").tap();
  await expect(page.getByTestId("verdict")).toHaveText("All steps right. · made after the answers were shown, so it earns no credit");
  await expect(page.getByTestId("history-attempt").filter({ has: page.getByText("after the answers were shown") })).toHaveCount(1);
  await expect(page.getByTestId("step-accuracy")).toContainText("0% right (0/1)");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-after-reveal.png`, fullPage: true });

  await page.getByTestId("new-variant").tap();
  await expect(page).not.toHaveURL(new RegExp(`seed=${SEED}$`));
  const seed = Number(new URL(page.url()).searchParams.get("seed"));
  await expect(page.getByTestId("variant-status")).toHaveText(`Variant ${seed} · 3 of 3 tries left`);
  for (const [step, text] of Object.entries(answersFor(exercise.solve(seed, float64)))) await page.getByTestId(`answer-${step}`).fill(text);
  await page.getByTestId("check").tap();
  await expect(page.getByTestId("verdict")).toHaveText("All steps right.");
  await expect(page.getByTestId("variant-status")).toHaveText(`Variant ${seed} · passed`);
  await expect(page.getByTestId("attempt-history")).toContainText("1 passed without seeing the answers");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-right.png`, fullPage: true });

  await page.goto("/progress");
  await expect(page.getByTestId("misconceptions")).toContainText("You divided by n − 1 (sample variance).");
  await expect(page.getByTestId("misconceptions")).not.toContainText("sample-variance");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/progress.png` });
});

test("an address with a loose seed says it is not a seed instead of showing other numbers", async ({ page }) => {
  await signUp(page, "badseed");
  for (const path of [`/exercises/${SLUG}?seed=0x10`, "/drawings/causal-mask-grid?seed=1e3", "/labs/layernorm-forward?seed=-1"]) {
    await page.goto(path);
    await expect(page.getByTestId("seed-refused")).toContainText("is not a seed: a seed is a whole number from 0 to 2147483647");
  }
  await page.screenshot({ path: `${SCREENSHOT_DIR}/seed-refused.png` });
  await page.getByRole("link", { name: "Open a fresh variant" }).tap();
  await expect(page).toHaveURL(/\/labs\/layernorm-forward\?seed=\d+$/);
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
