// npm run build — the production build, then the service worker over it
// (public/sw.js, with the build's precache list). Needs no database.
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { buildServiceWorker } from "./support/build-service-worker";

execFileSync(join(process.cwd(), "node_modules", ".bin", "next"), ["build"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
const worker = await buildServiceWorker(process.cwd(), process.env.NEXT_DIST_DIR || ".next");
for (const warning of worker.warnings) console.warn(`service worker: ${warning}`);
console.log(`service worker: public/sw.js precaches ${worker.files} files, ${(worker.bytes / 1024).toFixed(0)} KiB`);
