// The production server under test: `npm run build` when no build exists, then
// the app server (scripts/app-server.ts: Next behind the server that resolves
// client addresses) in its own process group (stopping the group leaves
// nothing behind on the port), with its output kept in a log file.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createWriteStream, existsSync, readFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { get as httpsGet } from "node:https";
import { join } from "node:path";
import { bundleProcess } from "../../scripts/support/process-bundle";
import { portIsFree } from "./ports";
import { note } from "./stats";

const HEALTH_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** `pid` leads the server's process group. */
export type NextServer = { baseUrl: string; logFile: string; pid: number; stop: () => Promise<void> };

/**
 * Runs `npm run build` (the app, then the service worker over it) when `<NEXT_DIST_DIR or .next>/BUILD_ID` or
 * `public/sw.js` is missing; throws when the build fails. A build without its worker would leave the page's
 * registration answered 404, and the service worker's part of what a phone does unmeasured.
 */
export function ensureProductionBuild(): void {
  const buildId = join(process.cwd(), process.env.NEXT_DIST_DIR || ".next", "BUILD_ID");
  const worker = join(process.cwd(), "public", "sw.js");
  if (existsSync(buildId) && existsSync(worker)) {
    note(`Using the existing production build (.next/BUILD_ID ${readFileSync(buildId, "utf8").trim()})`);
    return;
  }
  note("No production build (.next/BUILD_ID or public/sw.js missing): running `npm run build` first");
  const result = spawnSync("npm", ["run", "-s", "build"], { stdio: "inherit" });
  if (result.status !== 0 || !existsSync(buildId) || !existsSync(worker)) throw new Error(`npm run build failed (exit ${result.status ?? result.signal})`);
}

/**
 * Starts the production app server (scripts/app-server.ts) on 127.0.0.1:`port`
 * against `databaseUrl` and resolves once /api/health answers 200. `env` adds
 * or overrides variables (TRUSTED_PROXIES, TLS_CERT_FILE, …; with TLS files the
 * base URL is https); `nodeArgs` such as `--cpu-prof` go to node itself.
 */
export async function startNextServer(options: {
  port: number;
  databaseUrl: string;
  logFile: string;
  env?: Record<string, string>;
  nodeArgs?: string[];
}): Promise<NextServer> {
  if (!(await portIsFree(options.port))) throw new Error(`port ${options.port} is already in use; stop whatever listens there first`);
  const scheme = options.env?.TLS_CERT_FILE ? "https" : "http";
  const baseUrl = `${scheme}://127.0.0.1:${options.port}`;
  const log = createWriteStream(options.logFile);
  // As `npm start` runs it: bundled JavaScript, not tsx (scripts/support/process-bundle.ts).
  const appServer = await bundleProcess("app-server");
  const argv = [...(options.nodeArgs ?? []), appServer, "start", "--port", String(options.port), "--hostname", "127.0.0.1"];
  const child = spawn(process.execPath, argv, {
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
    env: {
      ...process.env,
      NODE_ENV: "production",
      DATABASE_URL: options.databaseUrl,
      BETTER_AUTH_SECRET: randomBytes(32).toString("base64url"),
      BETTER_AUTH_URL: baseUrl,
      NEXT_TELEMETRY_DISABLED: "1",
      ...options.env,
    },
  });
  // Neither stream may end the log: the other can still be writing to it.
  child.stdout?.pipe(log, { end: false });
  child.stderr?.pipe(log, { end: false });
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  const stop = () => stopGroup(child, exited);
  try {
    await waitForHealth(baseUrl, exited, options.logFile);
  } catch (error) {
    await stop();
    throw error;
  }
  if (child.pid === undefined) throw new Error("the app server did not get a pid");
  return { baseUrl, logFile: options.logFile, pid: child.pid, stop };
}

async function waitForHealth(baseUrl: string, exited: Promise<void>, logFile: string): Promise<void> {
  let gone = false;
  void exited.then(() => (gone = true));
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  let last = "no answer";
  while (Date.now() < deadline) {
    if (gone) throw new Error(`the app server exited before it was healthy; see ${logFile}:\n${tail(logFile)}`);
    try {
      const response = await probe(`${baseUrl}/api/health`);
      last = `${response.status} ${response.body}`;
      if (response.status === 200) return;
    } catch (error) {
      last = error instanceof Error ? error.message : String(error);
    }
    await new Promise((done) => setTimeout(done, 250));
  }
  throw new Error(`/api/health not healthy within ${HEALTH_TIMEOUT_MS} ms (last: ${last}); see ${logFile}:\n${tail(logFile)}`);
}

/** GET over http or https; a local TLS server's self-signed certificate is accepted. */
function probe(url: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = (url.startsWith("https:") ? httpsGet : httpGet)(url, { rejectUnauthorized: false, timeout: 2_000 }, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", reject);
  });
}

/** SIGTERM to the whole group, SIGKILL if it is still there after the timeout. Idempotent. */
async function stopGroup(child: ChildProcess, exited: Promise<void>): Promise<void> {
  const pid = child.pid;
  if (pid === undefined || !groupAlive(pid)) return;
  process.kill(-pid, "SIGTERM");
  const deadline = Date.now() + STOP_TIMEOUT_MS;
  await Promise.race([exited, new Promise((done) => setTimeout(done, STOP_TIMEOUT_MS))]);
  while (groupAlive(pid) && Date.now() < deadline) await new Promise((done) => setTimeout(done, 100));
  if (groupAlive(pid)) process.kill(-pid, "SIGKILL");
}

function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

function tail(file: string, lines = 30): string {
  return existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "(no log)";
}
