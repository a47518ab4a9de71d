// Runs in the browser before the app's own modules. zod probes once whether it
// may compile validators with `new Function`; under the pages' Content-Security-
// Policy (no 'unsafe-eval') that probe is reported as a violation even though
// zod catches it, so the browser's zod is told not to try (proxy.ts).
import { z } from "zod";

z.config({ jitless: true });
