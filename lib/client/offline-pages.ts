// The pages the service worker keeps for offline use, shared by the worker
// (app/sw.ts) and the pages. The review page's HTML holds the learner's queue,
// so it lives in its own cache that signing out deletes.

/** The cache of private page HTML (the review page); deleted at sign-out. */
export const PAGES_CACHE = "residual-pages";
/** The page kept for the session to open offline. */
export const REVIEW_PATH = "/review";
/** Shown for any other page asked for offline. */
export const OFFLINE_PATH = "/offline";

/** The attribute the review page's HTML carries its render id in (see app/review/page.tsx). */
export const PAGE_ID_ATTRIBUTE = "data-page-id";

/** The render id in a review page's HTML, or null. */
export function pageIdOf(html: string): string | null {
  return new RegExp(`${PAGE_ID_ATTRIBUTE}="([^"]+)"`).exec(html)?.[1] ?? null;
}

/**
 * The render id of the review page kept for offline use, making sure one is
 * kept: when the cache holds no copy, or one of another render than
 * `pageId` (this page came by client-side navigation, or before the service
 * worker ran), the page is fetched and kept now. Null when there is no cache
 * or the fetch failed; the session then has no offline copy.
 */
export async function keepReviewPage(caches: CacheStorage | undefined, send: typeof fetch, pageId: string): Promise<string | null> {
  if (!caches) return null;
  const cache = await caches.open(PAGES_CACHE);
  const kept = await cache.match(REVIEW_PATH, { ignoreSearch: true, ignoreVary: true });
  const keptId = kept ? pageIdOf(await kept.text()) : null;
  if (keptId === pageId) return keptId;
  const response = await send(REVIEW_PATH, { credentials: "same-origin" });
  if (!response.ok || response.redirected) return null;
  await cache.put(REVIEW_PATH, response.clone());
  return pageIdOf(await response.text());
}
