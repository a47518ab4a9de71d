import { expect, test } from "@playwright/test";
import { SCREENSHOT_DIR, reviewCurrent, signUp } from "./support";

test("sign up, review ten cards by touch, undo one, reload: the state is as left", async ({ page }) => {
  await signUp(page);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/home.png` });
  await page.getByTestId("start-review").tap();
  await expect(page.getByTestId("card")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-front.png` });

  const startRemaining = Number(await page.getByTestId("count-new").textContent());
  expect(startRemaining).toBeGreaterThanOrEqual(10);
  for (let i = 0; i < 10; i++) {
    if (i === 0) {
      await page.getByTestId("card").tap();
      await page.screenshot({ path: `${SCREENSHOT_DIR}/review-back.png` });
      await page.getByTestId("rate-3").tap();
      await page.waitForTimeout(450);
      continue;
    }
    await reviewCurrent(page, i % 3 === 0 ? 4 : 3);
  }
  const undoneCard = await page.getByTestId("card").getAttribute("data-card-id");
  await page.getByTestId("undo").tap();
  await expect(page.getByText("Last review undone")).toBeVisible();
  const restoredCard = await page.getByTestId("card").getAttribute("data-card-id");
  expect(restoredCard).not.toBe(undoneCard);
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-after-undo.png` });

  await page.goto("/");
  await expect(page.getByText("Reviewed today: 9")).toBeVisible();
  await page.reload();
  await expect(page.getByText("Reviewed today: 9")).toBeVisible();
  await page.getByTestId("start-review").tap();
  await expect(page.getByTestId("card")).toHaveAttribute("data-card-id", restoredCard ?? "");
});

test("a double-tapped rating records one review", async ({ page }) => {
  await signUp(page, "double");
  await page.getByTestId("start-review").tap();
  await page.getByTestId("card").tap();
  const good = page.getByTestId("rate-3");
  await good.dblclick();
  await page
    .getByTestId("rate-3")
    .tap({ timeout: 100 })
    .catch(() => undefined);
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");
  await page.goto("/");
  await expect(page.getByText("Reviewed today: 1")).toBeVisible();
});

test("settings page works at phone size", async ({ page }) => {
  await signUp(page, "settings");
  await page.goto("/settings");
  await page.getByLabel("New cards per day").fill("12");
  await page.getByLabel("Rating buttons").selectOption("TWO");
  await page.getByRole("button", { name: "Save settings" }).tap();
  await expect(page.getByText("Saved")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings.png`, fullPage: true });
  await page.goto("/review");
  await page.getByTestId("card").tap();
  await expect(page.getByTestId("rate-2")).toHaveCount(0);
  await expect(page.getByTestId("rate-1")).toBeVisible();
  await expect(page.getByTestId("rate-3")).toContainText("Remembered");
});

test("keyboard: space reveals, 1-4 rate", async ({ page }) => {
  await signUp(page, "keys");
  await page.goto("/review");
  const first = await page.getByTestId("card").getAttribute("data-card-id");
  await page.keyboard.press(" ");
  await expect(page.getByTestId("answer")).toBeVisible();
  await page.waitForTimeout(450);
  await page.keyboard.press("3");
  await expect(page.getByTestId("card")).not.toHaveAttribute("data-card-id", first ?? "");
});

test("every API route answers 401 without a session, on the real server", async ({ request }) => {
  const id = "00000000-0000-4000-8000-000000000000";
  const calls: [string, string][] = [
    ["GET", "/api/queue"],
    ["POST", "/api/reviews"],
    ["POST", `/api/reviews/${id}/undo`],
    ["GET", "/api/settings"],
    ["PATCH", "/api/settings"],
    ["GET", "/api/tokens"],
    ["POST", "/api/tokens"],
    ["DELETE", `/api/tokens/${id}`],
    ["POST", `/api/cards/${id}/unsuspend`],
    ["GET", "/api/exercises"],
    ["GET", "/api/exercises/layernorm-by-hand?seed=1"],
    ["POST", "/api/grade"],
    ["POST", "/api/drawings/causal-mask-grid/attempts"],
    ["GET", "/api/labs"],
    ["GET", "/api/labs/layernorm-forward/inputs.npz?seed=1"],
    ["POST", "/api/labs/layernorm-forward/submissions?seed=1"],
    ["GET", `/api/labs/layernorm-forward/submissions/${id}`],
    ["GET", "/api/grills"],
    ["POST", "/api/grills"],
    ["POST", `/api/grills/${id}/finish`],
    ["GET", "/api/modules"],
    ["PUT", `/api/modules/transformer-architecture/checklist/${id}`],
    ["POST", "/api/settings/optimize"],
    ["GET", "/api/stats"],
    ["GET", "/api/stats/simulation?retention=0.9"],
    ["GET", "/api/export?what=reviews&format=csv"],
    ["GET", "/api/export?what=revlog&format=csv"],
  ];
  for (const [method, path] of calls) {
    const response = await request.fetch(path, { method, data: method === "GET" || method === "DELETE" ? undefined : { id, cardId: id, rating: 3 } });
    expect(response.status(), `${method} ${path}`).toBe(401);
  }
  expect((await request.get("/api/health")).status()).toBe(200);
});

test("a session started online finishes offline and syncs when the connection returns", async ({ page, context }) => {
  await signUp(page, "offline");
  await page.getByTestId("start-review").tap();
  await expect(page.getByTestId("card")).toBeVisible();
  await context.setOffline(true);
  for (let i = 0; i < 3; i++) await reviewCurrent(page, 4);
  await expect(page.getByTestId("sync")).toContainText("3 reviews will sync");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-offline.png` });
  await context.setOffline(false);
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved", { timeout: 15_000 });
  await page.goto("/");
  await expect(page.getByText("Reviewed today: 3")).toBeVisible();
});

test("a new account takes the browser's time zone; tokens can be created", async ({ browser, request }) => {
  const context = await browser.newContext({ timezoneId: "Europe/Berlin", viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });
  const page = await context.newPage();
  await signUp(page, "berlin");
  await page.goto("/settings");
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Berlin");
  await page.getByLabel("Token name").fill("laptop");
  await page.getByRole("button", { name: "Create" }).tap();
  const secret = (await page.getByTestId("token-secret").locator("code").textContent()) ?? "";
  expect(secret).toMatch(/^rsd_/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/settings-token.png`, fullPage: true });
  // A cookie-less client: the token alone must be enough.
  const queue = await request.get("/api/queue", { headers: { authorization: `Bearer ${secret}` } });
  expect(queue.status()).toBe(200);
  await context.close();
});

test("with nothing due, the review screen says when the next card comes", async ({ page }) => {
  await signUp(page, "empty");
  await page.goto("/review");
  await reviewCurrent(page, 4);
  await page.goto("/settings");
  await page.getByLabel("New cards per day").fill("0");
  await page.getByRole("button", { name: "Save settings" }).tap();
  await expect(page.getByText("Saved")).toBeVisible();
  await page.goto("/review");
  await expect(page.getByTestId("empty")).toContainText("The next card is due in");
  // Its code is a chunk of its own, loaded only here; the server's HTML already carries it, so nothing waits for that chunk.
  expect(await (await page.request.get("/review")).text()).toContain("Nothing due right now");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-empty.png` });
  await page.goto("/");
  await expect(page.getByText("All caught up.")).toBeVisible();
  await page.screenshot({ path: `${SCREENSHOT_DIR}/home-caught-up.png` });
});
