// npm run test:e2e — the browser tests alone: production build (with the service worker), then Playwright
// (extra arguments go to Playwright, e.g. `npm run test:e2e -- tests/e2e/labs.spec.ts`).
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const bin = (name: string) => join(process.cwd(), "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

for (const [command, args] of [
  [bin("tsx"), ["scripts/build.ts"]],
  [bin("playwright"), ["test", ...process.argv.slice(2).filter((arg) => arg !== "--")]],
] as const) {
  const result = spawnSync(command, [...args], { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
