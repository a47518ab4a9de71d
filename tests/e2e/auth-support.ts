// Helpers for the auth-limit tests against real app servers: requests sent
// from a chosen loopback address (127.0.0.0/8 is all this machine, so each
// test can be its own "client"), and extra production servers on a fresh
// database of the browser-test Postgres.
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { mkdirSync } from "node:fs";
import type { IncomingHttpHeaders } from "node:http";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { join } from "node:path";
import pg from "pg";
import { startNextServer, type NextServer } from "../../bench/support/next-server";
import { applyMigrations, createDatabase, dropDatabase } from "../../lib/db/migrations";
import { e2eAdminUrl } from "../../scripts/support/e2e-database";

export type Reply = { status: number; headers: IncomingHttpHeaders; body: { code?: string; message?: string } };

export type SendOptions = { from: string; headers?: Record<string, string> };

/** POSTs JSON to `base + path` from the loopback address `from`, as a browser on `base` would (Origin set). */
export function postJson(base: string, path: string, body: unknown, options: SendOptions): Promise<Reply> {
  const url = new URL(path, base);
  const payload = JSON.stringify(body);
  const send = url.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const request = send(
      url,
      {
        method: "POST",
        localAddress: options.from,
        rejectUnauthorized: false,
        agent: false,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(payload), origin: url.origin, ...options.headers },
      },
      (response) => {
        let text = "";
        response.setEncoding("utf8");
        response.on("data", (chunk: string) => (text += chunk));
        response.on("end", () => {
          let parsed: Reply["body"] = {};
          try {
            parsed = JSON.parse(text) as Reply["body"];
          } catch {
            parsed = { message: text };
          }
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body: parsed });
        });
      },
    );
    request.on("error", reject);
    request.end(payload);
  });
}

export const signUp = (base: string, email: string, password: string, options: SendOptions) =>
  postJson(base, "/api/auth/sign-up/email", { email, password, name: "Limit Tester" }, options);

export const signIn = (base: string, email: string, password: string, options: SendOptions) =>
  postJson(base, "/api/auth/sign-in/email", { email, password }, options);

/** The session cookie a reply set, or undefined. */
export function sessionCookie(reply: Reply): string | undefined {
  return (reply.headers["set-cookie"] ?? []).find((cookie) => cookie.includes("session_token="));
}

/** A fresh, migrated database on the browser-test Postgres; `drop` removes it. */
export async function freshDatabase(e2ePort: number): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = await e2eAdminUrl(e2ePort);
  const name = `residual_limits_${randomBytes(4).toString("hex")}`;
  const url = await createDatabase(admin, name);
  await applyMigrations(url);
  return { url, drop: () => dropDatabase(admin, name) };
}

/** Starts the production app server on `port` against `databaseUrl` with extra environment. */
export function startServer(port: number, databaseUrl: string, env: Record<string, string>): Promise<NextServer> {
  const logDir = join(process.cwd(), ".cache", "e2e-auth-servers");
  mkdirSync(logDir, { recursive: true });
  return startNextServer({ port, databaseUrl, logFile: join(logDir, `server-${port}.log`), env: { AUTH_SIGN_INS_PER_MINUTE: "10", ...env } });
}

/** A self-signed certificate for 127.0.0.1 made with openssl, or null when there is no openssl. */
export function selfSignedCertificate(): { cert: string; key: string } | null {
  const dir = join(process.cwd(), ".cache", "e2e-auth-servers");
  mkdirSync(dir, { recursive: true });
  const cert = join(dir, "cert.pem");
  const key = join(dir, "key.pem");
  const made = spawnSync(
    "openssl",
    [
      "req",
      "-x509",
      "-newkey",
      "rsa:2048",
      "-nodes",
      "-days",
      "1",
      "-subj",
      "/CN=127.0.0.1",
      "-addext",
      "subjectAltName=IP:127.0.0.1",
      "-keyout",
      key,
      "-out",
      cert,
    ],
    { stdio: "ignore" },
  );
  return made.status === 0 ? { cert, key } : null;
}

/** The ipAddress recorded on `email`'s newest session. */
export async function sessionAddress(databaseUrl: string, email: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const found = await client.query<{ ipAddress: string | null }>(
      `SELECT s."ipAddress" FROM session s JOIN "user" u ON u.id = s."userId" WHERE u.email = $1 ORDER BY s."createdAt" DESC LIMIT 1`,
      [email],
    );
    return found.rows[0]?.ipAddress ?? null;
  } finally {
    await client.end();
  }
}
