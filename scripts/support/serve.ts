// Runs `next dev` or `next start` against a prepared database and stops both
// together (the whole process group, so no next-server is left on the port).
import { spawn } from "node:child_process";
import { join } from "node:path";
import { localAuthSecret, prepareDatabase } from "./prepare-database";

export type ServeOptions = { dataDir?: string; port?: number; host?: string };

export async function serve(mode: "dev" | "start", options: ServeOptions = {}): Promise<void> {
  const dataDir = options.dataDir ?? join(process.cwd(), ".data");
  const port = options.port ?? Number(process.env.PORT ?? 3000);
  const host = options.host ?? process.env.HOSTNAME ?? "localhost";
  const database = await prepareDatabase({ dataDir });
  const baseUrl = process.env.BETTER_AUTH_URL ?? `http://${host}:${port}`;
  const child = spawn(join(process.cwd(), "node_modules", ".bin", "next"), [mode, "--port", String(port), "--hostname", host], {
    stdio: "inherit",
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: database.url,
      BETTER_AUTH_SECRET: localAuthSecret(dataDir),
      BETTER_AUTH_URL: baseUrl,
      BETTER_AUTH_TRUSTED_ORIGINS:
        process.env.BETTER_AUTH_TRUSTED_ORIGINS ?? [`http://localhost:${port}`, `http://127.0.0.1:${port}`].join(","),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
  console.log(`[residual] Open ${baseUrl}`);

  let stopping = false;
  const shutdown = async (code: number) => {
    if (stopping) return;
    stopping = true;
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {
      // already gone
    }
    await database.stop();
    process.exit(code);
  };
  process.on("SIGINT", () => void shutdown(0));
  process.on("SIGTERM", () => void shutdown(0));
  child.on("exit", (code) => void shutdown(code ?? 0));
}
