// How the review screen answers touch on a slow phone: chromium at 390×844
// with touch and its CPU slowed 4× (CDP Emulation.setCPUThrottlingRate).
// Times are taken in the page with performance marks, so the bench's own
// round trips to the browser do not count.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { CHROMIUM_FLAGS, findChromium } from "../../scripts/support/chromium";

export const CPU_SLOWDOWN = 4;
/** The review screen ignores taps this soon after a rating (TAP_GUARD_MS in review-session.tsx), plus a margin. */
const AFTER_RATING_PAUSE_MS = 450;
const TAP_EVERY_MS = 50;
const FIRST_TAP_TIMEOUT_MS = 30_000;
/** A point on the first card's front at 390 × 844: below the top bar and the card's header, inside its 45 dvh minimum height. */
const CARD_FRONT = { x: 195, y: 300 };

export type ReviewTiming = {
  /** From navigation start to the HTML's last byte, and to the first contentful paint (the card drawn), ms. */
  htmlReceivedMs: number;
  firstPaintMs: number;
  /** From navigation start to the frame that first showed the answer, tapping the card from the moment the page commits, ms. */
  firstTapAnsweredMs: number;
  /** Tap on a rating (its touchstart) → the next card's front painted, ms, one per rating. */
  ratingToNextMs: number[];
  /**
   * The same from the finger's lift (touchend): a rating can only act then (a press may become a scroll), and the
   * Event Timing API, which INP is built on, times the tap's pointerup from there too. One per rating.
   */
  liftToNextMs: number[];
};

// Runs in the page before its own scripts: notes the first frame in which
// the answer is visible, and paints are detected by a frame callback
// followed by a task (that task runs once the frame has been presented).
const PAGE_PROBE = `
  window.__answerShownAt = 0;
  (function watchAnswer() {
    const answer = document.querySelector('[data-testid="answer"]');
    if (answer && answer.checkVisibility()) window.__answerShownAt = performance.now();
    else requestAnimationFrame(watchAnswer);
  })();
  window.__afterPaint = () => new Promise((done) => requestAnimationFrame(() => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => done(performance.now());
    channel.port2.postMessage(null);
  }));
`;

/**
 * Opens /review `ratings + 1` cards deep for the signed-in `cookie` holder and times the first tap and each rating.
 * `returning`: as a learner who opened the app before (yesterday, say). A first visit in the same browser profile
 * installs the service worker, which precaches the scripts; the browser is then closed and started again on that
 * profile, so the timed visit runs its scripts from the service worker's cache, with the code cache the browser
 * keeps for them, in a fresh renderer. Without it, every script comes over the network and is compiled cold.
 */
export async function timeReviewTaps(baseUrl: string, cookie: string, ratings: number, options: { returning?: boolean } = {}): Promise<ReviewTiming> {
  const profile = mkdtempSync(join(tmpdir(), "residual-phone-"));
  try {
    if (options.returning) {
      const first = await openPhone(profile, baseUrl, cookie);
      try {
        await visitUntilControlled(first, `${baseUrl}/review`);
      } finally {
        await first.close();
      }
    }
    const context = await openPhone(profile, baseUrl, cookie);
    try {
      await context.addInitScript(PAGE_PROBE);
      const page = await context.newPage();
      await slowDown(context, page);
      const firstTapAnsweredMs = await timeFirstTap(page, `${baseUrl}/review`);
      // The answer can show before the page is hydrated; the ratings come with it.
      await page.getByTestId("rate-3").waitFor();
      const [htmlReceivedMs, firstPaintMs] = await page.evaluate(() => [
        (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming | undefined)?.responseEnd ?? Number.NaN,
        performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
      ]);
      const ratingToNextMs: number[] = [];
      const liftToNextMs: number[] = [];
      for (let i = 0; i < ratings; i++) {
        const rating = await timeRating(page);
        ratingToNextMs.push(rating.fromTouch);
        liftToNextMs.push(rating.fromLift);
        await page.waitForTimeout(AFTER_RATING_PAUSE_MS);
        await page.getByTestId("card").tap();
        await page.getByTestId("answer").waitFor();
      }
      return { htmlReceivedMs, firstPaintMs, firstTapAnsweredMs, ratingToNextMs, liftToNextMs };
    } finally {
      await context.close();
    }
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** A phone-sized, touch browser on its own profile directory (which outlives the browser, as a phone's does), signed in. */
async function openPhone(profile: string, baseUrl: string, cookie: string): Promise<BrowserContext> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error("no chromium found (apt-get install chromium, or set CHROMIUM_PATH)");
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    args: CHROMIUM_FLAGS,
    viewport: { width: 390, height: 844 },
    hasTouch: true,
    isMobile: true,
    deviceScaleFactor: 3,
  });
  await context.addCookies(parseCookies(cookie, baseUrl));
  return context;
}

/** Loads `url` at full speed and waits until the service worker is installed (its precache filled) and controls the page. */
async function visitUntilControlled(context: BrowserContext, url: string): Promise<void> {
  const page = await context.newPage();
  await page.goto(url, { waitUntil: "load" });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 15_000 });
  // The cache's entries (and the code cache made from them) are written to disk behind the worker's install.
  await page.waitForTimeout(2_000);
  await page.close();
}

async function slowDown(context: BrowserContext, page: Page): Promise<void> {
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
}

/**
 * Taps where the card's front is drawn every TAP_EVERY_MS from the moment the page commits, as an impatient thumb
 * does, until the answer shows. The taps are sent from outside without first asking the page whether the card is
 * there: asking runs script in the page, which waits behind the page's own long tasks just as a tap does, and would
 * measure the bench's questions instead of the page. Resolves with the time the answer was first painted.
 */
async function timeFirstTap(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  const deadline = Date.now() + FIRST_TAP_TIMEOUT_MS;
  for (;;) {
    if (Date.now() > deadline) throw new Error(`no tap revealed the answer within ${FIRST_TAP_TIMEOUT_MS} ms`);
    await page.touchscreen.tap(CARD_FRONT.x, CARD_FRONT.y);
    const shownAt = await page.evaluate(() => (window as unknown as { __answerShownAt: number }).__answerShownAt);
    if (shownAt > 0) return shownAt;
    await page.waitForTimeout(TAP_EVERY_MS);
  }
}

/** With the answer shown, taps Good and resolves with the ms from the touch's start and from its end until the next card's front is painted. */
async function timeRating(page: Page): Promise<{ fromTouch: number; fromLift: number }> {
  const before = await page.getByTestId("card").getAttribute("data-card-id");
  await page.evaluate((cardId) => {
    type Timing = { fromTouch: number; fromLift: number };
    const probe = window as unknown as { __nextPainted: Promise<Timing>; __afterPaint: () => Promise<number> };
    probe.__nextPainted = new Promise((done) => {
      const observer = new MutationObserver(() => {
        const card = document.querySelector('[data-testid="card"]');
        // The answer stays in the page, hidden by CSS until revealed (card-face.tsx): the next card counts once its answer is hidden.
        const answer = document.querySelector('[data-testid="answer"]');
        if (!card || card.getAttribute("data-card-id") === cardId || answer?.checkVisibility()) return;
        observer.disconnect();
        void probe.__afterPaint().then(() => {
          performance.mark("next-card-painted");
          done({
            fromTouch: performance.measure("rating-to-next", "rating-tap", "next-card-painted").duration,
            fromLift: performance.measure("lift-to-next", "rating-lift", "next-card-painted").duration,
          });
        });
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-card-id", "data-testid", "class"] });
      const good = document.querySelector('[data-testid="rate-3"]');
      good?.addEventListener("touchstart", () => performance.mark("rating-tap"), { capture: true, once: true });
      good?.addEventListener("touchend", () => performance.mark("rating-lift"), { capture: true, once: true });
    });
  }, before);
  const button = await page.getByTestId("rate-3").boundingBox();
  if (!button) throw new Error("no Good button");
  await page.touchscreen.tap(button.x + button.width / 2, button.y + button.height / 2);
  return page.evaluate(() => (window as unknown as { __nextPainted: Promise<{ fromTouch: number; fromLift: number }> }).__nextPainted);
}

function parseCookies(header: string, baseUrl: string): { name: string; value: string; url: string }[] {
  return header.split("; ").map((pair) => {
    const at = pair.indexOf("=");
    return { name: pair.slice(0, at), value: pair.slice(at + 1), url: baseUrl };
  });
}
