/// <reference lib="webworker" />
// The service worker (built by scripts/support/build-service-worker.ts into public/sw.js).
// Precached: the build's static files (scripts, styles, fonts), the icons and
// the offline page. The review page's HTML is network-first, its last copy
// kept for a reload without a connection; any other page asked for offline
// gets the offline page. API answers are never cached: they carry one
// learner's data. A new worker waits until the learner taps "Reload" (the
// page asks it to take over), so a session is never reloaded mid-card.
import { CacheableResponsePlugin, CacheFirst, ExpirationPlugin, NetworkFirst, NetworkOnly, Serwist, type PrecacheEntry } from "serwist";
import { OFFLINE_PATH, PAGES_CACHE, REVIEW_PATH } from "../lib/client/offline-pages";
import { CLAIM_MESSAGE, SKIP_WAITING_MESSAGE } from "../lib/client/service-worker-messages";

declare const self: ServiceWorkerGlobalScope & { __SW_MANIFEST: (PrecacheEntry | string)[] | undefined };

/** Cut off a slow network after this long and show the kept copy (a train between stations). */
const NETWORK_TIMEOUT_SECONDS = 4;

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: false,
  clientsClaim: true,
  // A page's request starts while the worker boots, not after: on a returning visit that boot sat in front of
  // the HTML. Both navigation handlers below take the preloaded answer (network first / network only).
  navigationPreload: true,
  runtimeCaching: [
    { matcher: ({ url, sameOrigin }) => !sameOrigin || url.pathname.startsWith("/api/"), handler: new NetworkOnly() },
    {
      matcher: ({ request, url }) => request.mode === "navigate" && url.pathname === REVIEW_PATH,
      handler: new NetworkFirst({
        cacheName: PAGES_CACHE,
        networkTimeoutSeconds: NETWORK_TIMEOUT_SECONDS,
        matchOptions: { ignoreSearch: true, ignoreVary: true },
        // Only the page itself: never a redirect to sign-in or an error page.
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), { cacheKeyWillBeUsed: async () => REVIEW_PATH }],
      }),
    },
    { matcher: ({ request }) => request.mode === "navigate", handler: new NetworkOnly() },
    // A static file the precache does not list (another page's chunk): kept once fetched, the least used dropped past 200.
    {
      matcher: ({ url }) => url.pathname.startsWith("/_next/static/"),
      handler: new CacheFirst({
        cacheName: "residual-static",
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 3600 })],
      }),
    },
  ],
  fallbacks: { entries: [{ url: OFFLINE_PATH, matcher: ({ request }) => request.mode === "navigate" }] },
});

self.addEventListener("message", (event) => {
  if (event.data === SKIP_WAITING_MESSAGE) void self.skipWaiting();
  else if (event.data === CLAIM_MESSAGE) event.waitUntil(self.clients.claim());
});

serwist.addEventListeners();
