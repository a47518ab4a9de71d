// Exercise, grill, lab and account screens on a touch phone (390×844, and 320
// wide where it can overflow): the grill's Enter, the answer key row, each
// message said once, seeded list links, the lab's upload count, the token's
// Copy button and the password rule. A desktop block checks Enter still submits.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { findExercise } from "../../exercises";
import { catalogue } from "../../exercises/catalogue";
import { PASSWORD_RULE } from "../../lib/auth/password-rule";
import { formatStepValue } from "../../lib/grading/format-value";
import { referenceOutput } from "../../lib/labs";
import { encodeNpy, tensorToJson } from "../../lib/labs/tensor-file";
import * as float64 from "../../lib/reference/float64";
import { SCREENSHOT_DIR, signUp } from "./support";

const shot = (page: Page, name: string) => page.screenshot({ path: `${SCREENSHOT_DIR}/screens-${name}.png`, fullPage: true });

/** Shoots at 390 px, then at 320 px (checking nothing overflows sideways), and goes back to 390. */
async function shootBothWidths(page: Page, name: string): Promise<void> {
  await shot(page, name);
  await page.setViewportSize({ width: 320, height: 700 });
  await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await shot(page, `${name}-320`);
  await page.setViewportSize({ width: 390, height: 844 });
}

/** Answers numeric grill items right until an interview question is on screen (clicks, so a desktop can use it too). */
async function reachInterviewItem(page: Page): Promise<Locator> {
  await page.goto("/grill");
  await page.getByTestId("length-3").click();
  await page.getByTestId("clock-180").click();
  await page.getByTestId("start-grill").click();
  const item = page.getByTestId("grill-item");
  for (let n = 0; n < 3; n++) {
    await expect(item).toHaveAttribute("data-position", String(n));
    if ((await item.getAttribute("data-kind")) === "interview") return item;
    const exercise = findExercise((await item.getAttribute("data-exercise")) ?? "");
    if (!exercise) throw new Error("numeric item without its exercise");
    const values = exercise.solve(Number(await item.getAttribute("data-seed")), float64);
    for (const step of exercise.steps) await page.getByTestId(`answer-${step.key}`).fill(formatStepValue(values[step.key] ?? 0, 10));
    await page.getByTestId("grill-submit").click();
    await page.getByTestId("grill-next").click();
  }
  throw new Error("a three-question grill without an interview question");
}

/** Signs up with mouse clicks (the shared helper taps, which needs a touch screen). */
async function signUpOnDesktop(page: Page): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Email").fill(`desk-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`);
  await page.getByLabel("Password").fill("correct horse battery");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("due-counts")).toBeVisible();
}

test("grill on a phone: Enter is a new line, the button submits", async ({ page }) => {
  await signUp(page, "grill-touch");
  await reachInterviewItem(page);
  const box = page.getByTestId("grill-answer");
  await expect(box).not.toHaveAttribute("placeholder", /Shift\+Enter/);
  await box.tap();
  await box.pressSequentially("First line");
  await box.press("Enter");
  await box.pressSequentially("second line");
  await expect(box).toHaveValue("First line\nsecond line");
  await expect(page.getByTestId("reveal")).toHaveCount(0);
  await shot(page, "grill-typing");
  await page.getByTestId("grill-submit").tap();
  await expect(page.getByTestId("reveal")).toBeVisible();
  await expect(page.getByTestId("your-answer")).toContainText("First line\nsecond line");
});

test("exercise on a phone: fitting keyboards, the key row inserts at the caret, and the answer grades", async ({ page }) => {
  const slug = "layernorm-by-hand";
  const seed = 7;
  const exercise = findExercise(slug);
  if (!exercise) throw new Error(slug);
  const reference = exercise.solve(seed, float64);
  const value = (key: string) => reference[key] as number;
  await signUp(page, "keys");
  await page.goto(`/exercises/${slug}?seed=${seed}`);

  const mean = page.getByTestId("answer-mean");
  await expect(mean).toHaveAttribute("inputmode", "decimal");
  await expect(mean).toHaveAttribute("enterkeyhint", "next");
  const output = page.getByTestId("answer-output");
  await expect(output).toHaveAttribute("inputmode", "text");
  await expect(output).toHaveAttribute("autocapitalize", "off");
  await expect(output).toHaveAttribute("spellcheck", "false");
  await expect(output).toHaveAttribute("enterkeyhint", "go");
  await expect(page.getByTestId("answer-keys")).toHaveCount(0);

  const key = (name: string) => page.getByTestId("answer-keys").getByRole("button", { name, exact: true });
  const caret = (field: Locator) => field.evaluate((el) => (el as HTMLInputElement).selectionStart);
  const caretTo = (field: Locator, at: number) => field.evaluate((el, i) => (el as HTMLInputElement).setSelectionRange(i, i), at);

  // Mean as (2(μ + 1))/2 − 1: slash and minus from the key row, each at the caret.
  await mean.tap();
  await expect(page.getByTestId("answer-keys")).toHaveCount(1);
  await mean.pressSequentially(formatStepValue(2 * (value("mean") + 1), 10));
  await key("divide").tap();
  await mean.pressSequentially("2");
  await key("minus").tap();
  await mean.pressSequentially("1");
  await expect(mean).toHaveValue(`${formatStepValue(2 * (value("mean") + 1), 10)}/2−1`);
  await expect(mean).toBeFocused();

  // Variance as σ^2, the power from the key row.
  const variance = page.getByTestId("answer-variance");
  await variance.tap();
  await variance.pressSequentially(formatStepValue(Math.sqrt(value("variance")), 10));
  await key("power").tap();
  await variance.pressSequentially("2");

  // The denominator as sqrt(σ² + ε), √ inserted before the number and left open.
  const std = page.getByTestId("answer-std");
  const inside = formatStepValue(value("std") ** 2, 10);
  await std.tap();
  await std.pressSequentially(inside);
  await caretTo(std, 0);
  await key("square root").tap();
  await expect(std).toHaveValue(`sqrt(${inside}`);
  expect(await caret(std)).toBe("sqrt(".length);

  // The output as a spaced list wrapped in brackets from the key row.
  const spaced = (reference.output as number[]).map((v) => formatStepValue(v, 10)).join(" ");
  await output.tap();
  await expect(page.getByTestId("answer-keys")).toHaveCount(1);
  await output.fill(spaced);
  await caretTo(output, 0);
  await key("open list").tap();
  await caretTo(output, spaced.length + 1);
  await key("close list").tap();
  await expect(output).toHaveValue(`[${spaced}]`);
  // As the learner sees it: the row under the box being typed in (a full-page shot re-emulates the screen and drops touch).
  await expect(page.getByTestId("answer-keys")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/screens-exercise-key-row.png` });
  await page.setViewportSize({ width: 320, height: 700 });
  await page.getByTestId("answer-keys").scrollIntoViewIfNeeded();
  await expect(page.getByTestId("answer-keys")).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/screens-exercise-key-row-320.png` });
  await page.setViewportSize({ width: 390, height: 844 });

  await page.getByRole("button", { name: "Check" }).tap();
  await expect(page.getByTestId("verdict")).toHaveText("All steps right.");
  await shot(page, "exercise-graded");
});

test("a named mask mistake and a lab's wrong shape are each said once", async ({ page }) => {
  await signUp(page, "once");
  await page.goto("/drawings/causal-mask-grid?seed=3");
  const n = await page.locator('[data-testid^="cell-0-"]').count();
  // The upper triangle: a known wrong mask ("transposed-mask").
  for (let i = 0; i < n; i++) for (let j = i; j < n; j++) await page.getByTestId(`cell-${i}-${j}`).tap();
  await page.getByTestId("check-drawing").tap();
  const named = page.getByTestId("misconception");
  await expect(named).toHaveAttribute("data-code", "transposed-mask");
  const message = (await named.textContent())?.trim() ?? "";
  expect(message).toContain("upper triangle");
  const result = (await page.getByTestId("drawing-result").textContent()) ?? "";
  expect(result.split(message).length - 1).toBe(1);
  await expect(page.getByTestId("drawing-feedback")).toHaveText(/cells wrong/);
  await shootBothWidths(page, "mask-named");

  const slug = "layernorm-forward";
  const lab = catalogue.findLab(slug);
  if (!lab) throw new Error(slug);
  const right = await referenceOutput(lab, 5);
  const flat = { shape: [right.data.length], data: right.data };
  await page.goto(`/labs/${slug}?seed=5`);
  await page.getByTestId("lab-file").setInputFiles({ name: "y.npy", mimeType: "application/octet-stream", buffer: Buffer.from(encodeNpy(flat)) });
  await page.getByRole("button", { name: "Submit for grading" }).tap();
  await expect(page.getByTestId("lab-verdict")).toHaveText("✗ Not yet", { timeout: 30_000 });
  const shape = (await page.getByTestId("lab-shape").textContent())?.trim() ?? "";
  expect(shape).toContain("flattened");
  const labText = (await page.getByTestId("lab-result").textContent()) ?? "";
  expect(labText.split(shape).length - 1).toBe(1);
  await page.getByTestId("lab-result").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/screens-lab-shape.png` });
});

test("list links carry their seed, so opening one makes no redirect; a bare URL still redirects", async ({ page }) => {
  await signUp(page, "seeded");
  // Page loads and client navigations to an exercise, drawing or lab; prefetches of the route tree carry no query by design.
  const opened: { path: string; seeded: boolean; status: number }[] = [];
  page.on("response", (response) => {
    const url = new URL(response.url());
    if (!/^\/(exercises|drawings|labs)\/[^/]+$/.test(url.pathname) || response.request().headers()["next-router-prefetch"]) return;
    opened.push({ path: url.pathname, seeded: url.searchParams.has("seed"), status: response.status() });
  });

  await page.goto("/exercises");
  const exerciseLink = page.getByTestId("exercise-link-layernorm-by-hand");
  await expect(exerciseLink).toHaveAttribute("href", /^\/exercises\/layernorm-by-hand\?seed=\d+$/);
  await expect(page.getByTestId("drawing-link-causal-mask-grid")).toHaveAttribute("href", /^\/drawings\/causal-mask-grid\?seed=\d+$/);
  const href = (await exerciseLink.getAttribute("href")) ?? "";
  await exerciseLink.tap();
  await expect(page).toHaveURL(href);
  await expect(page.getByTestId("exercise-form")).toBeVisible();
  await expect(page.getByTestId("new-variant")).toHaveAttribute("href", /\?seed=\d+$/);

  await page.goto("/exercises");
  await page.getByTestId("drawing-link-causal-mask-grid").tap();
  await expect(page).toHaveURL(/\/drawings\/causal-mask-grid\?seed=\d+$/);

  await page.goto("/labs");
  const labLink = page.getByTestId("lab-layernorm-forward");
  await expect(labLink).toHaveAttribute("href", /^\/labs\/layernorm-forward\?seed=\d+$/);
  await labLink.tap();
  await expect(page).toHaveURL(/\/labs\/layernorm-forward\?seed=\d+$/);
  await expect(page.getByTestId("new-seed")).toHaveAttribute("href", /\?seed=\d+$/);
  expect(opened.length).toBeGreaterThanOrEqual(3);
  expect(opened.filter((o) => !o.seeded || o.status !== 200)).toEqual([]);

  await page.goto("/exercises/layernorm-by-hand");
  await expect(page).toHaveURL(/\/exercises\/layernorm-by-hand\?seed=\d+$/);
});

test("a second upload on a seed is attempt 2, and the seed row fits 320 px", async ({ page }) => {
  const slug = "layernorm-forward";
  const lab = catalogue.findLab(slug);
  if (!lab) throw new Error(slug);
  const json = JSON.stringify(tensorToJson(await referenceOutput(lab, 9)));
  await signUp(page, "uploads");
  await page.goto(`/labs/${slug}?seed=9`);
  for (const n of [1, 2]) {
    await page.getByTestId("lab-file").setInputFiles({ name: "y.json", mimeType: "application/json", buffer: Buffer.from(json) });
    await page.getByRole("button", { name: "Submit for grading" }).tap();
    await expect(page.getByTestId("lab-upload-number")).toHaveText(`attempt ${n}`, { timeout: 30_000 });
    await expect(page.getByTestId("lab-verdict")).toHaveText("✓ Passed", { timeout: 30_000 });
  }
  await page.goto(`/labs/${slug}?seed=10`);
  await page.setViewportSize({ width: 320, height: 700 });
  const row = page.locator(".lab-seed");
  await row.scrollIntoViewIfNeeded();
  const box = await row.boundingBox();
  expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(320);
  expect(await row.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/screens-lab-seed-320.png` });
});

test("settings: a labelled token name and a Copy button; sign-up states the password rule", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  await signUp(page, "token");
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("phone");
  await page.getByTestId("api-tokens").getByRole("button", { name: "Create" }).tap();
  const secret = (await page.getByTestId("token-secret-text").textContent()) ?? "";
  expect(secret.length).toBeGreaterThan(20);
  await page.getByTestId("copy-token").tap();
  await expect(page.getByTestId("copy-status")).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
  await page.getByTestId("api-tokens").screenshot({ path: `${SCREENSHOT_DIR}/screens-token-panel.png` });
  await page.setViewportSize({ width: 320, height: 700 });
  await page.getByTestId("api-tokens").screenshot({ path: `${SCREENSHOT_DIR}/screens-token-panel-320.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await shootBothWidths(page, "token-copied");

  await context.clearCookies();
  await page.goto("/sign-up");
  const password = page.getByLabel("Password");
  await expect(password).toHaveValue("");
  const describedBy = (await password.getAttribute("aria-describedby")) ?? "";
  await expect(page.locator(`#${describedBy}`)).toHaveText(PASSWORD_RULE);
  await expect(page.locator(`#${describedBy}`)).toBeVisible();
  await shootBothWidths(page, "sign-up");
});

test("without clipboard access, Copy selects the token for a manual copy", async ({ page }) => {
  await page.addInitScript(() => Object.defineProperty(navigator, "clipboard", { value: undefined }));
  await signUp(page, "token-select");
  await page.goto("/settings");
  await page.getByLabel("Token name").fill("old phone");
  await page.getByTestId("api-tokens").getByRole("button", { name: "Create" }).tap();
  const secret = (await page.getByTestId("token-secret-text").textContent()) ?? "";
  await page.getByTestId("copy-token").tap();
  await expect(page.getByTestId("copy-status")).toHaveText(/^Selected/);
  expect(await page.evaluate(() => window.getSelection()?.toString())).toBe(secret);
});

test.describe("on a desktop", () => {
  test.use({ viewport: { width: 1280, height: 800 }, hasTouch: false, isMobile: false, deviceScaleFactor: 1 });

  test("grill: Enter submits, Shift+Enter is a new line, and the hint says so", async ({ page }) => {
    await signUpOnDesktop(page);
    await reachInterviewItem(page);
    const box = page.getByTestId("grill-answer");
    await expect(box).toHaveAttribute("placeholder", /Enter submits; Shift\+Enter for a new line/);
    await box.pressSequentially("One");
    await box.press("Shift+Enter");
    await box.pressSequentially("two");
    await expect(box).toHaveValue("One\ntwo");
    await box.press("Enter");
    await expect(page.getByTestId("reveal")).toBeVisible();
    await expect(page.getByTestId("answer-keys")).toHaveCount(0);
  });
});
