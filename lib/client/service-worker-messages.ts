// Messages between the pages and the service worker (app/sw.ts).

/** Asks a waiting worker to take over: sent when the learner taps "Reload" on the update notice. */
export const SKIP_WAITING_MESSAGE = "residual:skip-waiting";
