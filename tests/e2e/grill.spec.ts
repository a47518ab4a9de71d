import { expect, test, type Page } from "@playwright/test";
import { findExercise } from "../../exercises";
import { formatStepValue } from "../../lib/grading/format-value";
import * as float64 from "../../lib/reference/float64";
import { SCREENSHOT_DIR, signUp } from "./support";

/** Types the reference answer into every step of the numeric item on screen. */
async function answerNumeric(page: Page): Promise<void> {
  const item = page.getByTestId("grill-item");
  const slug = (await item.getAttribute("data-exercise")) ?? "";
  const seed = Number(await item.getAttribute("data-seed"));
  const exercise = findExercise(slug);
  if (!exercise) throw new Error(`unknown exercise ${slug}`);
  const values = exercise.solve(seed, float64);
  for (const step of exercise.steps) await page.getByTestId(`answer-${step.key}`).fill(formatStepValue(values[step.key] ?? 0, 10));
}

/** Taps `testId` and returns the JSON of the POST to a URL ending in `path` it sends, after checking it is 200. */
async function tapAndRead(page: Page, testId: string, path: string): Promise<unknown> {
  const reply = page.waitForResponse((r) => r.request().method() === "POST" && new URL(r.url()).pathname.endsWith(path));
  await page.getByTestId(testId).tap();
  const response = await reply;
  expect(response.status(), path).toBe(200);
  return response.json();
}

test("a three-question grill end to end: answer, reveal, tick, a graded numeric item, the summary, then the missed question in review", async ({ page }) => {
  await signUp(page, "grill");
  await page.goto("/grill");
  await page.getByTestId("length-3").tap();
  await page.getByTestId("clock-180").tap();
  await expect(page.getByTestId("length-3")).toHaveAttribute("aria-pressed", "true");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/grill-setup.png`, fullPage: true });
  await page.getByTestId("start-grill").tap();
  await expect(page).toHaveURL(/\/grill\/[0-9a-f-]{36}$/);

  let interviews = 0;
  let missedQuestion = "";
  for (let n = 0; n < 3; n++) {
    const item = page.getByTestId("grill-item");
    await expect(item).toHaveAttribute("data-position", String(n));
    await expect(page.getByTestId("clock")).toBeVisible();
    if ((await item.getAttribute("data-kind")) === "numeric") {
      await answerNumeric(page);
      expect(await tapAndRead(page, "grill-submit", `/items/${n}/answer`)).toMatchObject({ stored: true, duplicate: false, item: { answered: true } });
      await expect(page.getByTestId("numeric-verdict")).toHaveText(/All steps right/);
      // As the learner sees it, scrolled down to the verdict.
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      await page.screenshot({ path: `${SCREENSHOT_DIR}/grill-numeric.png` });
      await page.getByTestId("grill-next").tap();
      continue;
    }
    interviews += 1;
    if (interviews === 1) {
      // By touch: type, submit, tick one key point of four: missed.
      missedQuestion = ((await item.locator(".grill-prompt").textContent()) ?? "").trim().slice(0, 40);
      await page.getByTestId("grill-answer").fill("It keeps the signal and adds an edit, I think.");
      // The clock is running.
      await expect(page.getByTestId("clock")).toContainText(/2:5\d/);
      await page.screenshot({ path: `${SCREENSHOT_DIR}/grill-question.png`, fullPage: true });
      expect(await tapAndRead(page, "grill-submit", `/items/${n}/answer`)).toMatchObject({ stored: true, duplicate: false, item: { answered: true } });
      await expect(page.getByTestId("reveal")).toBeVisible();
      await expect(page.getByText("Common wrong answer to avoid")).toBeVisible();
      await page.getByTestId("key-point-0").tap();
      await expect(page.getByTestId("grill-next")).toContainText("Score 1 of");
      await page.screenshot({ path: `${SCREENSHOT_DIR}/grill-reveal.png`, fullPage: true });
      expect(await tapAndRead(page, "grill-next", `/items/${n}/key-points`)).toMatchObject({ stored: true, duplicate: false, item: { keyPointsHit: [0] } });
    } else {
      // The button submits (on a phone Enter is a new line: phone-screens.spec.ts); number keys tick every key point, N goes on.
      await page.getByTestId("grill-answer").fill("A full answer.");
      await page.getByTestId("grill-submit").tap();
      await expect(page.getByTestId("reveal")).toBeVisible();
      const count = await page.getByTestId("key-points").locator("label").count();
      for (let k = 1; k <= count; k++) await page.keyboard.press(String(k));
      await expect(page.getByTestId("grill-next")).toContainText(`Score ${count} of ${count}`);
      await page.keyboard.press("n");
    }
  }
  expect(interviews).toBe(2);

  const summary = page.getByTestId("grill-summary");
  await expect(summary).toBeVisible();
  // 1 (numeric) + 1 (all key points) + 1/4 or 1/3 over three questions.
  await expect(page.getByTestId("grill-score")).toHaveText(/^(75|78)%$/);
  await expect(page.getByTestId("weakest-topics")).toBeVisible();
  await expect(page.locator('[data-verdict="failed"]')).toHaveCount(1);
  await expect(page.locator('[data-verdict="passed"]')).toHaveCount(2);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/grill-summary.png`, fullPage: true });

  // The missed question is now first in today's review (a learning card, due now).
  await page.getByTestId("review-requeued").tap();
  await expect(page.getByTestId("card")).toContainText(missedQuestion);

  // The history lists the grill with its score, and opens its summary again.
  await page.goto("/grill");
  await expect(page.getByTestId("grill-history-row")).toHaveCount(1);
  await expect(page.getByTestId("grill-history-row")).toContainText(/3 questions/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/grill-history.png`, fullPage: true });
  await page.getByTestId("grill-history-row").tap();
  await expect(page.getByTestId("grill-summary")).toBeVisible();
});

test("reloading mid-question continues the clock rather than restarting it; when it runs out the answer shows", async ({ page }) => {
  await signUp(page, "grill-reload");
  await page.goto("/grill");
  await page.getByTestId("length-3").tap();
  await page.getByTestId("clock-30").tap();
  await page.getByTestId("start-grill").tap();
  await expect(page).toHaveURL(/\/grill\/[0-9a-f-]{36}$/);
  const clock = page.getByTestId("clock");
  await expect(clock).toContainText(/0:2[0-4]/, { timeout: 15_000 });

  await page.reload();
  await expect(page.getByTestId("grill-item")).toHaveAttribute("data-position", "0");
  // A restarted clock would read 0:30 or just under; the server's clock carries on.
  await expect(clock).toContainText(/0:(0\d|1\d|2[0-4])/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/grill-reload.png`, fullPage: true });

  // It runs out on the same clock: out of time, with the answer shown.
  await expect(page.getByTestId("out-of-time")).toBeVisible({ timeout: 30_000 });
  await expect(clock).toContainText("0:00");
  await expect(page.getByTestId("grill-next")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/grill-reload-out-of-time.png`, fullPage: true });
});
