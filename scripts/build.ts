// npm run build — the production build. Needs no database.
import { execFileSync } from "node:child_process";
import { join } from "node:path";

execFileSync(join(process.cwd(), "node_modules", ".bin", "next"), ["build"], {
  stdio: "inherit",
  env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
});
