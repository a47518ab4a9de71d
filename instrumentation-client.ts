// Runs in the browser before the app's own modules. zod probes once whether it
// may compile validators with `new Function`; under the pages' Content-Security-
// Policy (no 'unsafe-eval') that probe is reported as a violation even though
// zod catches it. zod keeps its settings on this global (z.config writes it), so
// setting `jitless` here stops the probe without loading zod on every page.
const holder = globalThis as { __zod_globalConfig?: { jitless?: boolean } };
holder.__zod_globalConfig = { ...holder.__zod_globalConfig, jitless: true };
