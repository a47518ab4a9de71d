// The review screen on a phone: the new · learning · to review counter moves
// with each rating, the next card waits drawn ahead, every target is
// thumb-sized, key hints stay off touch.
import { expect, test, type Locator, type Page } from "@playwright/test";
import { SCREENSHOT_DIR, signUp } from "./support";

const MIN_TARGET = 44;

async function counts(page: Page): Promise<{ new: number; learning: number; review: number }> {
  const read = async (kind: string) => Number(await page.getByTestId(`count-${kind}`).textContent());
  return { new: await read("new"), learning: await read("learning"), review: await read("review") };
}

/** Rates the card on screen and waits until the next one shows. */
async function rate(page: Page, rating: 1 | 2 | 3 | 4): Promise<void> {
  const card = page.getByTestId("card");
  const cardId = await card.getAttribute("data-card-id");
  await card.tap();
  await page.getByTestId(`rate-${rating}`).tap();
  await expect(card).not.toHaveAttribute("data-card-id", cardId ?? "");
  await page.waitForTimeout(450);
}

async function expectThumbSized(target: Locator, name: string): Promise<void> {
  const box = await target.boundingBox();
  expect(box, `${name} is on screen`).not.toBeNull();
  expect(box?.width ?? 0, `${name} width`).toBeGreaterThanOrEqual(MIN_TARGET);
  expect(box?.height ?? 0, `${name} height`).toBeGreaterThanOrEqual(MIN_TARGET);
}

test("the counter shows new · learning · to review and moves with each rating", async ({ page }) => {
  await signUp(page, "counter");
  await page.getByTestId("start-review").tap();
  await expect(page.getByTestId("card")).toBeVisible();
  const start = await counts(page);
  expect(start.new).toBeGreaterThanOrEqual(3);
  expect(start.learning).toBe(0);
  await expect(page.getByTestId("count-new")).toHaveClass(/current/);
  await expect(page.getByTestId("review-counter")).toContainText(`${start.new} new, 0 learning, ${start.review} to review`);

  // Again: the new card goes to learning, at once (before the server answers) and after.
  await rate(page, 1);
  await expect.poll(() => counts(page)).toEqual({ new: start.new - 1, learning: 1, review: start.review });
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");
  expect(await counts(page)).toEqual({ new: start.new - 1, learning: 1, review: start.review });

  // Easy graduates a new card: it leaves the session.
  await rate(page, 4);
  await expect.poll(() => counts(page)).toEqual({ new: start.new - 2, learning: 1, review: start.review });
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-counter.png` });

  // Undo puts the graduated card back as new.
  await page.getByTestId("undo").tap();
  await expect.poll(() => counts(page)).toEqual({ new: start.new - 1, learning: 1, review: start.review });
});

test("the next card is drawn ahead, laid out but unseen, and a rating shows that same node", async ({ page }) => {
  await signUp(page, "standby");
  await page.getByTestId("start-review").tap();
  const shown = page.getByTestId("card");
  await expect(shown).toBeVisible();
  const drawnAhead = page.locator(".card-face.ahead");
  await expect(drawnAhead).toHaveCount(1);
  await expect(drawnAhead).toBeHidden();
  const nextId = await drawnAhead.getAttribute("data-card-id");
  expect(nextId).not.toBe(await shown.getAttribute("data-card-id"));
  // Unseen, it is out of the accessibility tree, and the test ids name only the card on screen.
  await expect(page.getByRole("article")).toHaveCount(1);
  const node = await drawnAhead.elementHandle();

  await shown.tap();
  await page.getByTestId("rate-3").tap();
  await expect(shown).toHaveAttribute("data-card-id", nextId ?? "");
  expect(await node?.evaluate((element) => element.isConnected && !element.classList.contains("ahead") && element.checkVisibility())).toBe(true);
  // The card after it is drawn ahead in turn.
  await expect(drawnAhead).toHaveCount(1);
  expect(await drawnAhead.getAttribute("data-card-id")).not.toBe(nextId);
});

test("every target on the review screen is at least 44 × 44 px at 390 × 844, and key hints are hidden on touch", async ({ page }) => {
  await signUp(page, "targets");
  for (const name of ["Progress", "Settings", "Sign out"])
    await expectThumbSized(page.getByRole("navigation").first().getByText(name, { exact: true }), `home ${name}`);
  const settings = await page.getByText("Settings", { exact: true }).boundingBox();
  const signOut = await page.getByText("Sign out", { exact: true }).boundingBox();
  expect((signOut?.x ?? 0) - ((settings?.x ?? 0) + (settings?.width ?? 0)), "space between Settings and Sign out").toBeGreaterThanOrEqual(8);

  await page.getByTestId("start-review").tap();
  await expect(page.getByTestId("card")).toBeVisible();
  await expectThumbSized(page.getByRole("link", { name: "Back to overview" }), "back arrow");
  await expectThumbSized(page.getByTestId("card-info-link"), "card info link");
  await expectThumbSized(page.getByTestId("reveal"), "Show answer");
  await expect(page.getByTestId("reveal").locator(".key-hint")).toBeHidden();

  await rate(page, 3);
  await page.getByTestId("card").tap();
  for (const rating of [1, 2, 3, 4]) {
    await expectThumbSized(page.getByTestId(`rate-${rating}`), `rating ${rating}`);
    await expect(page.getByTestId(`rate-${rating}`).locator(".key-hint")).toBeHidden();
  }
  await expectThumbSized(page.getByTestId("undo"), "Undo last");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/review-targets.png` });
});

test("the review screen fetches no script beyond those its HTML names until the first rating", async ({ page }) => {
  await signUp(page, "scripts");
  const fetched: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "script") fetched.push(new URL(request.url()).pathname);
  });
  const response = await page.goto("/review");
  const named = new Set((await response?.text())?.match(/\/_next\/static\/chunks\/[\w.~-]+\.js/g));
  const unnamed = () => fetched.filter((path) => !named.has(path));
  await expect(page.getByTestId("card")).toBeVisible();
  // The session copy is written once the offline side has run: the outbox read, the page kept, the copy looked up.
  await expect.poll(() => sessionCopyCount(page), { timeout: 10_000 }).toBe(1);
  expect(unnamed(), "scripts fetched after the page's own").toEqual([]);

  await rate(page, 3);
  await expect.poll(unnamed, { message: "the first rating fetches the session summary" }).not.toEqual([]);
});

/** Records in the app database's session-copy store; 0 until the page has made the database. */
function sessionCopyCount(page: Page): Promise<number> {
  return page.evaluate(async () => {
    // Opening a database that does not exist yet would make an empty one ahead of the page's own.
    if (!(await indexedDB.databases()).some((db) => db.name === "residual")) return 0;
    return new Promise<number>((resolve, reject) => {
      const open = indexedDB.open("residual");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        const count = db.transaction("review-session").objectStore("review-session").count();
        count.onsuccess = () => {
          db.close();
          resolve(count.result);
        };
        count.onerror = () => reject(count.error);
      };
    });
  });
}

test.describe("with a mouse and keyboard", () => {
  test.use({ hasTouch: false, isMobile: false, viewport: { width: 1280, height: 800 } });

  test("the rating buttons show their keys, and the keys rate", async ({ page }) => {
    // The form as signUp fills it, submitted with the keyboard: this page has no touch.
    await page.goto("/sign-up");
    await page.getByLabel("Name").fill("Desk Learner");
    await page.getByLabel("Email").fill(`keys-${Date.now()}@example.test`);
    await page.getByLabel("Password").fill("correct horse battery");
    await page.getByLabel("Password").press("Enter");
    await expect(page.getByTestId("due-counts")).toBeVisible();
    await page.goto("/review");
    await expect(page.getByTestId("reveal").locator(".key-hint")).toBeVisible();
    await page.keyboard.press("Space");
    for (const rating of [1, 2, 3, 4]) await expect(page.getByTestId(`rate-${rating}`).locator(".key-hint")).toHaveText(` ${rating}`);
    const before = await counts(page);
    await page.keyboard.press("4");
    await expect.poll(() => counts(page)).toEqual({ ...before, new: before.new - 1 });
  });
});

test("the first card answers a tap before the page's JavaScript runs, and the session takes the reveal over once it does", async ({ page, browser }) => {
  await signUp(page, "before-js");
  // The same learner, in a browser that runs no script: what a slow phone shows before hydration.
  const noScript = await browser.newContext({
    javaScriptEnabled: false,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    storageState: await page.context().storageState(),
  });
  try {
    const bare = await noScript.newPage();
    await bare.goto("/review");
    await expect(bare.getByTestId("answer")).toBeHidden();
    await bare.getByTestId("card").tap();
    await expect(bare.getByTestId("answer")).toBeVisible();
    // An impatient second tap keeps it shown.
    await bare.getByTestId("card").tap();
    await expect(bare.getByTestId("answer")).toBeVisible();
    await bare.screenshot({ path: `${SCREENSHOT_DIR}/review-revealed-before-js.png` });
  } finally {
    await noScript.close();
  }
  // With script: a tap reveals and offers the ratings; the next card starts hidden again.
  await page.goto("/review");
  const card = page.getByTestId("card");
  await expect(page.getByTestId("answer")).toBeHidden();
  await card.tap();
  await expect(page.getByTestId("answer")).toBeVisible();
  const first = await card.getAttribute("data-card-id");
  await page.getByTestId("rate-3").tap();
  await expect(card).not.toHaveAttribute("data-card-id", first ?? "");
  await expect(page.getByTestId("answer")).toBeHidden();
  await expect(page.getByTestId("reveal")).toBeVisible();
});
