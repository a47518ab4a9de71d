import { expect, test, type Page } from "@playwright/test";
import { findExercise } from "../../exercises";
import { formatStepValue } from "../../lib/grading/format-value";
import * as float64 from "../../lib/reference/float64";
import { SCREENSHOT_DIR, signUp } from "./support";

const MODULE = "/modules/transformer-architecture";

/** Saves the first screen and the whole page: `.cache/screens/readiness-<name>.png` and `…-full.png`. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: `${SCREENSHOT_DIR}/readiness-${name}.png` });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/readiness-${name}-full.png`, fullPage: true });
}

/** Taps an item's box and waits until the server has answered (the tick shows at once, the save follows). */
async function tapItem(page: Page, externalId: string): Promise<void> {
  const box = page.getByTestId(`check-${externalId}`).getByRole("checkbox");
  await box.tap();
  await expect(box).toHaveAttribute("aria-busy", "false");
}

function answersFor(values: Record<string, unknown>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, formatStepValue(v as number | number[], 6)]));
}

/** Answers an exercise on its page: right, or with the named wrong method's values. */
async function answer(page: Page, slug: string, seed: number, wrongMethod?: string): Promise<void> {
  const exercise = findExercise(slug);
  if (!exercise) throw new Error(slug);
  const reference = answersFor(exercise.solve(seed, float64));
  const wrong = wrongMethod ? exercise.wrongMethods(seed, float64).find((m) => m.code === wrongMethod) : undefined;
  const typed = { ...reference, ...answersFor(wrong?.values ?? {}) };
  await page.goto(`/exercises/${slug}?seed=${seed}`);
  for (const [step, text] of Object.entries(typed)) await page.getByTestId(`answer-${step}`).fill(text);
  await page.getByRole("button", { name: "Check" }).tap();
  await expect(page.getByTestId("verdict")).toBeVisible();
}

test("tick a health-check item, reload, still ticked; evidence items tick themselves", async ({ page }) => {
  await signUp(page, "readiness");
  await page.goto("/modules");
  await expect(page.getByTestId("module-transformer-architecture")).toContainText("Not started");
  await shoot(page, "modules-fresh");

  await page.getByTestId("module-transformer-architecture").getByRole("link").tap();
  await expect(page).toHaveURL(new RegExp(`${MODULE}$`));
  await expect(page.getByTestId("checklist-count")).toHaveText("0 of 21 ticked");
  await expect(page.getByTestId("figure-retention")).toContainText("not enough reviews yet");
  await shoot(page, "module-fresh");

  await tapItem(page, "hc-residual-plain");
  await expect(page.getByTestId("check-hc-residual-plain").getByRole("checkbox")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("checklist-count")).toHaveText("1 of 21 ticked");
  await page.reload();
  await expect(page.getByTestId("check-hc-residual-plain").getByRole("checkbox")).toHaveAttribute("aria-checked", "true");
  await expect(page.getByTestId("checklist-count")).toHaveText("1 of 21 ticked");

  // An evidence item cannot be ticked by hand, and says so.
  const evidence = page.getByTestId("check-hc-causal-mask");
  await evidence.getByRole("checkbox").tap();
  await expect(evidence.getByRole("checkbox")).toHaveAttribute("aria-checked", "false");
  await expect(evidence).toContainText("cannot be ticked by hand");
  await expect(evidence.getByTestId("evidence")).toHaveText("Not passed yet — 0 of 3 days");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/readiness-locked-item.png` });

  // Untick again: the state survives a reload the other way too.
  await tapItem(page, "hc-residual-plain");
  await expect(page.getByTestId("checklist-count")).toHaveText("0 of 21 ticked");
  await page.reload();
  await expect(page.getByTestId("check-hc-residual-plain").getByRole("checkbox")).toHaveAttribute("aria-checked", "false");
});

test("readiness after some practice: evidence so far, accuracy, an open mistake and what to do next", async ({ page }) => {
  await signUp(page, "readiness-active");
  await answer(page, "causal-mask-row", 11, "mask-after-softmax");
  await answer(page, "layernorm-by-hand", 7);
  await answer(page, "layernorm-by-hand", 8, "sample-variance");
  await answer(page, "layernorm-by-hand", 9);

  await page.goto(MODULE);
  await tapItem(page, "hc-five-departures");
  await tapItem(page, "hc-residual-plain");
  await expect(page.getByTestId("checklist-count")).toHaveText("2 of 21 ticked");
  await page.reload();

  await expect(page.getByTestId("check-hc-layernorm").getByTestId("evidence")).toContainText("1 of 3 days so far");
  await expect(page.getByTestId("open-mask-after-softmax")).toContainText("softmax");
  await expect(page.getByTestId("next-step")).toContainText("You ran softmax over every position");
  await expect(page.getByTestId("next-step")).not.toContainText("mask-after-softmax");
  await expect(page.getByTestId("accuracy-layernorm-by-hand")).toContainText("67%");
  await expect(page.getByTestId("accuracy-layernorm-by-hand")).toContainText("3 attempts");
  await shoot(page, "module-active");
  await page.getByTestId("check-hc-layernorm").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/readiness-checklist-evidence.png` });
  await page.getByTestId("exercise-accuracy").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/readiness-exercises.png` });

  await page.getByTestId("next-step").getByRole("link").tap();
  await expect(page).toHaveURL(/\/exercises\/causal-mask-row/);

  await page.goto("/modules");
  await expect(page.getByTestId("module-transformer-architecture")).toContainText("2/21");
  await expect(page.getByTestId("module-transformer-architecture")).toContainText("1 open mistake");
  await shoot(page, "modules-active");
});
