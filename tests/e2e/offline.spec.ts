// The phone app offline, against the production build with its service
// worker: manifest and icons served, the worker registered; a session started
// online, the connection cut, /review reloaded (twice) from what the worker
// kept, ten cards reviewed offline, and every one of the ten stored exactly
// once in Postgres when the connection returns. Cards reviewed before a
// reload, synced or still queued, never come back. A new deploy's worker
// (sw.js with other bytes) waits for the learner's tap on "Reload".
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test, type Page } from "@playwright/test";
import pg from "pg";
import { withDatabaseName } from "../../lib/db/migrations";
import { E2E_DATABASE, e2eAdminUrl } from "../../scripts/support/e2e-database";
import { SCREENSHOT_DIR, reviewCurrent, signUp } from "./support";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);

/** The browser-test server's database. */
async function e2eDatabaseUrl(): Promise<string> {
  const external = process.env.DATABASE_URL;
  return external ? withDatabaseName(external, E2E_DATABASE) : e2eAdminUrl(E2E_PORT);
}

/** The review ids waiting in the page's IndexedDB outbox. */
function queuedReviewIds(page: Page): Promise<string[]> {
  return page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const open = indexedDB.open("residual");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const all = open.result.transaction("outbox").objectStore("outbox").getAll();
          all.onsuccess = () => resolve((all.result as { op: { kind: string; id: string } }[]).filter((r) => r.op.kind === "review").map((r) => r.op.id));
          all.onerror = () => reject(all.error);
        };
      }),
  );
}

/** The render id of the review page the service worker keeps, or null. */
function keptPageId(page: Page): Promise<string | null> {
  return page.evaluate(async () => {
    const kept = await (await caches.open("residual-pages")).match("/review", { ignoreSearch: true, ignoreVary: true });
    return kept ? (/data-page-id="([^"]+)"/.exec(await kept.text())?.[1] ?? null) : null;
  });
}

const shownCardId = async (page: Page) => (await page.getByTestId("card").getAttribute("data-card-id")) ?? "";

test("the manifest, the icons and the service worker are served", async ({ request }) => {
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  expect(manifest.headers()["content-type"]).toContain("application/manifest+json");
  const body = (await manifest.json()) as { name: string; display: string; start_url: string; icons: { src: string; purpose?: string }[] };
  expect(body).toMatchObject({ name: "Residual", display: "standalone", start_url: "/review" });
  expect(body.icons.some((icon) => icon.purpose === "maskable")).toBe(true);
  for (const src of [...body.icons.map((icon) => icon.src), "/apple-touch-icon.png"]) {
    const icon = await request.get(src);
    expect(icon.status(), src).toBe(200);
    expect(icon.headers()["content-type"], src).toBe("image/png");
    expect((await icon.body()).subarray(1, 4).toString(), src).toBe("PNG");
  }
  const worker = await request.get("/sw.js");
  expect(worker.status()).toBe(200);
  expect(worker.headers()["content-type"]).toContain("javascript");
  expect(worker.headers()["cache-control"]).toBe("no-cache");
  expect(worker.headers()["content-security-policy"]).toContain("default-src 'self'");
});

test("a session reloaded offline goes on where it was; ten reviews made offline are stored once each", async ({ page, context }) => {
  await signUp(page, "pwa");
  const head = page.locator('link[rel="manifest"]');
  await expect(head).toHaveAttribute("href", "/manifest.webmanifest");

  await page.goto("/review");
  await expect(page.getByTestId("card")).toBeVisible();
  // The worker registers, precaches the shell and takes control of this page (clientsClaim).
  await page.evaluate(() => navigator.serviceWorker.ready);
  await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), { timeout: 15_000 }).toContain("/sw.js");
  // A page's request starts while the worker boots (navigation preload); offline, below, that preload fails and the kept copy shows.
  expect(await page.evaluate(async () => (await (await navigator.serviceWorker.ready).navigationPreload.getState()).enabled)).toBe(true);

  // Two cards reviewed online and synced: they must not come back offline.
  const seen: string[] = [];
  for (let i = 0; i < 2; i++) {
    seen.push(await shownCardId(page));
    await reviewCurrent(page, 4);
  }
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved");
  await expect.poll(() => keptPageId(page)).not.toBeNull();
  const kept = await keptPageId(page);

  await context.setOffline(true);
  const reloadedAt = Date.now();
  await page.reload();
  await expect(page.getByTestId("card")).toBeVisible();
  const shownOfflineMs = Date.now() - reloadedAt;
  // The document came from the worker's cache, not the server: the same render as kept.
  expect(await page.locator("main[data-page-id]").getAttribute("data-page-id")).toBe(kept);
  console.log(`/review shown offline ${shownOfflineMs} ms after the reload`);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/offline-review.png` });

  for (let i = 0; i < 10; i++) {
    if (i === 5) {
      // Five queued, reloaded again: the queued cards stay done.
      await page.reload();
      await expect(page.getByTestId("card")).toBeVisible();
      await expect(page.getByTestId("sync")).toContainText("5 reviews will sync");
    }
    const cardId = await shownCardId(page);
    expect(seen, "a card reviewed earlier came back").not.toContain(cardId);
    seen.push(cardId);
    await reviewCurrent(page, i % 3 === 0 ? 4 : 3);
  }
  await expect(page.getByTestId("sync")).toHaveText("Offline — 10 reviews will sync");
  const queued = await queuedReviewIds(page);
  expect(queued).toHaveLength(10);

  // Any other page asked for offline: the small offline page, not the browser's error.
  const other = await context.newPage();
  await other.goto("/stats");
  await expect(other.getByTestId("offline")).toBeVisible();
  await other.screenshot({ path: `${SCREENSHOT_DIR}/offline-page.png` });
  await other.setViewportSize({ width: 320, height: 640 });
  expect(await other.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await other.screenshot({ path: `${SCREENSHOT_DIR}/offline-page-320.png` });
  await other.close();

  await context.setOffline(false);
  // Chromium's network emulation leaves a document loaded while emulated offline thinking it is online
  // (navigator.onLine is true), so it never gets the `online` event a phone's browser fires when the
  // connection returns, and the outbox would wait out its backoff (30 s after ten failed sends). The
  // event the browser owes the page, then:
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await expect(page.getByTestId("sync")).toHaveText("All reviews saved", { timeout: 20_000 });
  expect(await queuedReviewIds(page)).toEqual([]);

  const client = new pg.Client({ connectionString: await e2eDatabaseUrl() });
  await client.connect();
  try {
    const stored = await client.query<{ id: string; rows: number }>(
      `SELECT id::text, count(*)::int AS rows FROM review_log WHERE id = ANY($1::uuid[]) GROUP BY id`,
      [queued],
    );
    expect(stored.rows.map((r) => r.id).sort()).toEqual([...queued].sort());
    expect(stored.rows.every((r) => r.rows === 1)).toBe(true);
    const cards = await client.query<{ cardId: string; rows: number }>(
      `SELECT l."cardId"::text AS "cardId", count(*)::int AS rows FROM review_log l JOIN "user" u ON u.id = l."userId"
        WHERE u.id = (SELECT "userId" FROM review_log WHERE id = $1::uuid) GROUP BY l."cardId"`,
      [queued[0]],
    );
    expect(cards.rows.map((r) => r.cardId).sort()).toEqual([...seen].sort());
    expect(cards.rows.every((r) => r.rows === 1)).toBe(true);
  } finally {
    await client.end();
  }

  // Signing out forgets the kept review page and the session copy: they show this learner's cards.
  await page.goto("/");
  await page.getByRole("link", { name: "Sign out" }).tap();
  await expect(page).toHaveURL(/\/sign-in/);
  const left = await page.evaluate(async () => {
    const kept = await caches.has("residual-pages");
    const copies = await new Promise<number>((resolve, reject) => {
      const open = indexedDB.open("residual");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const count = open.result.transaction("review-session").objectStore("review-session").count();
        count.onsuccess = () => resolve(count.result);
        count.onerror = () => reject(count.error);
      };
    });
    return { kept, copies };
  });
  expect(left).toEqual({ kept: false, copies: 0 });
});

test("a new deploy's worker waits for the learner's tap, and reviews queued meanwhile are sent after the reload", async ({ page, context }) => {
  // A deploy changes sw.js; the browser finds the new bytes at its next update check.
  const workerFile = join(process.cwd(), "public", "sw.js");
  const deployed = readFileSync(workerFile, "utf8");
  try {
    await signUp(page, "update");
    await page.goto("/review");
    await expect(page.getByTestId("card")).toBeVisible();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null), { timeout: 15_000 }).toBe(true);
    await expect.poll(() => keptPageId(page)).not.toBeNull();
    const before = await page.locator("main[data-page-id]").getAttribute("data-page-id");

    writeFileSync(workerFile, `${deployed}\n// next deploy\n`);
    await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
    await expect(page.getByText("Update ready")).toBeVisible();
    // Nothing reloads by itself: the same render, the same card.
    expect(await page.locator("main[data-page-id]").getAttribute("data-page-id")).toBe(before);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/update-ready.png` });
    await page.setViewportSize({ width: 320, height: 640 });
    const notice = await page.locator(".update-ready").boundingBox();
    expect(notice && notice.x >= 0 && notice.x + notice.width <= 320).toBe(true);
    await page.screenshot({ path: `${SCREENSHOT_DIR}/update-ready-320.png` });
    await page.setViewportSize({ width: 390, height: 844 });

    await context.setOffline(true);
    const reviewed = [await shownCardId(page)];
    await reviewCurrent(page, 4);
    reviewed.push(await shownCardId(page));
    await reviewCurrent(page, 4);
    await expect(page.getByTestId("sync")).toContainText("2 reviews will sync");

    await page.getByRole("button", { name: "Reload" }).tap();
    await expect(page.getByText("Update ready")).toBeHidden();
    await expect(page.getByTestId("card")).toBeVisible();
    await expect(page.getByTestId("sync")).toContainText("2 reviews will sync");
    expect(reviewed).not.toContain(await shownCardId(page));
    const scripts = await page.evaluate(async () => {
      const registration = await navigator.serviceWorker.getRegistration();
      return { waiting: Boolean(registration?.waiting), controlled: navigator.serviceWorker.controller !== null };
    });
    expect(scripts).toEqual({ waiting: false, controlled: true });

    await context.setOffline(false);
    await expect(page.getByTestId("sync")).toHaveText("All reviews saved", { timeout: 20_000 });
    expect(await queuedReviewIds(page)).toEqual([]);
  } finally {
    writeFileSync(workerFile, deployed);
  }
});
