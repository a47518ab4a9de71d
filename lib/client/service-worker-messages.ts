// Messages between the pages and the service worker (app/sw.ts).

/** Asks a waiting worker to take over: sent when the learner taps "Reload" on the update notice. */
export const SKIP_WAITING_MESSAGE = "residual:skip-waiting";

/**
 * Asks the active worker to control the pages it does not yet control. Its own
 * claim on activation can miss a page whose navigation was under way while it
 * installed (Chromium skips a client not yet ready to run script), which would
 * leave that page's chunk requests outside the worker's cache until a reload.
 */
export const CLAIM_MESSAGE = "residual:claim";
