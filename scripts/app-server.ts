// The app server process: `app-server dev|start --port N --hostname H`, run
// bundled by node in production and through tsx in development
// (scripts/support/process-bundle.ts).
// Started by scripts/support/serve.ts (npm run dev, npm start, browser tests)
// and bench/support/next-server.ts, with DATABASE_URL and the auth secret set.
import { parseArgs } from "node:util";

const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { port: { type: "string", default: "3000" }, hostname: { type: "string", default: "localhost" } },
});
const mode = positionals[0];
const port = Number(values.port);
if ((mode !== "dev" && mode !== "start") || !Number.isInteger(port) || port < 1 || port > 65_535) {
  console.error("usage: app-server dev|start [--port 1-65535] [--hostname host]");
  process.exit(2);
}
// Next reads NODE_ENV as its modules load, so it is set before they are imported.
(process.env as Record<string, string>).NODE_ENV = mode === "start" ? "production" : "development";
const { startAppServer } = await import("./support/app-server");
const server = await startAppServer({ dev: mode === "dev", dir: process.cwd(), hostname: values.hostname, port });
const stop = () => {
  void server.close().finally(() => process.exit(0));
};
process.once("SIGTERM", stop);
process.once("SIGINT", stop);
