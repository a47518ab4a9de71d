// npm test — the lint and format check (Biome), every test: unit and integration
// (vitest, real Postgres), then browser tests (Playwright + chromium against the
// production build).
// Browser tests are mandatory when CI=true; elsewhere, without a chromium,
// they are skipped with a loud notice.
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { findChromium } from "./support/chromium";

const bin = (name: string) => join(process.cwd(), "node_modules", ".bin", name);
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };

function run(command: string, args: string[]): void {
  const result = spawnSync(command, args, { stdio: "inherit", env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

run(bin("biome"), ["ci", "."]);
run(bin("vitest"), ["run"]);

const chromium = findChromium();
if (!chromium) {
  const banner = "!".repeat(78);
  if (process.env.CI === "true") {
    console.error(`${banner}\nBrowser tests are required in CI, but no chromium was found (apt-get install chromium).\n${banner}`);
    process.exit(1);
  }
  console.warn(
    `${banner}\n!! BROWSER TESTS SKIPPED: no chromium found. Install Debian's chromium\n!! (apt-get install chromium) or set CHROMIUM_PATH to run them.\n${banner}`,
  );
  process.exit(0);
}

run(bin("tsx"), ["scripts/build.ts"]);
run(bin("playwright"), ["test"]);
