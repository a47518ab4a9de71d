import { randomUUID } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { findExercise } from "../../exercises";
import { MIN_COHORT } from "../../lib/attempts/exercise-stats";
import { formatStepValue } from "../../lib/grading/format-value";
import * as float64 from "../../lib/reference/float64";
import { SCREENSHOT_DIR, signUp } from "./support";

const SLUG = "causal-mask-row";
const exercise = findExercise(SLUG);
if (!exercise) throw new Error(SLUG);

const typed = (values: Record<string, unknown>): Record<string, string> =>
  Object.fromEntries(Object.entries(values).flatMap(([k, v]) => (v === undefined ? [] : [[k, formatStepValue(v as number[], 6)]])));
const right = (seed: number) => typed(exercise.solve(seed, float64));
const mistaken = (seed: number, code: string) => ({
  ...right(seed),
  ...typed(exercise.wrongMethods(seed, float64).find((m) => m.code === code)?.values ?? {}),
});

/** A learner of their own, signed up and grading through the API as the page does (session cookie, Origin set). */
async function learnerAnswers(request: APIRequestContext, answersBySeed: [number, Record<string, string>][]): Promise<void> {
  const email = `cohort-${randomUUID()}@example.test`;
  expect((await request.post("/api/auth/sign-up/email", { data: { email, password: "correct horse battery", name: "Cohort" } })).ok()).toBe(true);
  for (const [seed, answers] of answersBySeed) {
    const graded = await request.post("/api/grade", { data: { exercise: SLUG, seed, answers, id: randomUUID() } });
    expect(graded.status()).toBe(200);
  }
}

test("the exercise page marks each attempt's steps; an exercise's figures across learners appear from the cohort on, anonymised", async ({
  page,
  playwright,
  baseURL,
}) => {
  await signUp(page, "stats");
  await page.goto(`/exercises/${SLUG}?seed=11`);
  for (const [step, text] of Object.entries(mistaken(11, "upper-triangle"))) await page.getByTestId(`answer-${step}`).fill(text);
  await page.getByTestId("check").tap();
  await expect(page.getByTestId("misconception").first()).toHaveAttribute("data-code", "upper-triangle");
  const marks = page.getByTestId("history-attempt").first().getByTestId("attempt-steps");
  await expect(marks.locator("[data-correct=false]")).toHaveCount(exercise.steps.length);
  await expect(marks).toContainText("1 ✗");
  await page.getByTestId("attempt-history").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-history-steps.png`, fullPage: true });

  await page.getByTestId("stats-link").tap();
  await expect(page).toHaveURL(new RegExp(`/exercises/${SLUG}/stats$`));
  await expect(page.getByTestId("cohort-too-small")).toContainText(`once ${MIN_COHORT} learners`);
  await expect(page.getByTestId("stat-learners")).toHaveCount(0);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-stats-hidden.png` });

  // Four more learners: two pass at once, one masks after the softmax and then passes, one masks the upper triangle.
  const answers: [number, Record<string, string>][][] = [
    [[21, right(21)]],
    [[22, right(22)]],
    [
      [23, mistaken(23, "mask-after-softmax")],
      [23, right(23)],
    ],
    [[24, mistaken(24, "upper-triangle")]],
  ];
  for (const list of answers) {
    const request = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { origin: baseURL ?? "" } });
    await learnerAnswers(request, list);
    await request.dispose();
  }

  await page.reload();
  const stats = page.getByTestId("exercise-stats");
  await expect(stats).toHaveAttribute("data-shown", "true");
  await expect(page.getByTestId("stat-learners")).toContainText("5");
  await expect(page.getByTestId("stat-attempts")).toContainText("6");
  // First attempts at five variants, two of them passed.
  await expect(page.getByTestId("stat-first-try")).toContainText("40%");
  await expect(page.getByTestId("stat-first-try")).toContainText("2 of 5 variants");
  await expect(page.getByTestId("stats-mistakes").locator("li").first()).toHaveAttribute("data-code", "upper-triangle");
  await expect(page.getByTestId("stats-mistakes")).toContainText("2 attempts, 2 learners");
  await expect(page.getByTestId("stats-mistakes")).not.toContainText("upper-triangle");
  await expect(page.getByTestId("hardest-step")).toBeVisible();
  await expect(page.getByTestId("stats-steps").locator("li")).toHaveCount(exercise.steps.length);
  await expect(stats).not.toContainText("@example.test");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/exercise-stats.png`, fullPage: true });

  const api = await page.request.get(`/api/exercises/${SLUG}/stats`);
  expect(await api.json()).toMatchObject({ shown: true, figures: { learners: 5, attempts: 6, firstTry: { variants: 5, passed: 2 } } });
});
