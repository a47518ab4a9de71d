// Creating, cloning and dropping whole databases on a server, for shadow
// databases and per-worker test databases. Takes an admin URL: any database on
// the server, as a user allowed to create databases.
import { randomBytes } from "node:crypto";
import pg from "pg";

/** `url` pointing at database `name` instead (same server, user and options). */
export function withDatabaseName(url: string, name: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(name)}`;
  return parsed.toString();
}

/** Runs `work` with one client on `adminUrl`, always closing it. */
export async function withAdminClient<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * Creates database `name`, as a copy of `template` when given (the template
 * must have no open connections). Returns its URL.
 */
export async function createDatabase(adminUrl: string, name: string, template?: string): Promise<string> {
  await withAdminClient(adminUrl, async (client) => {
    const from = template === undefined ? "" : ` TEMPLATE ${client.escapeIdentifier(template)}`;
    await client.query(`CREATE DATABASE ${client.escapeIdentifier(name)}${from}`);
  });
  return withDatabaseName(adminUrl, name);
}

/** Drops database `name` if it exists, disconnecting anyone still using it. */
export async function dropDatabase(adminUrl: string, name: string): Promise<void> {
  await withAdminClient(adminUrl, async (client) => {
    await client.query(`DROP DATABASE IF EXISTS ${client.escapeIdentifier(name)} WITH (FORCE)`);
  });
}

/** Whether database `name` exists on the server. */
export async function databaseExists(adminUrl: string, name: string): Promise<boolean> {
  return withAdminClient(adminUrl, async (client) => {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
    return (found.rowCount ?? 0) > 0;
  });
}

/** Runs `work` with the URL of a new empty database named `<prefix>_<random>`, dropped afterwards. */
export async function withTemporaryDatabase<T>(adminUrl: string, prefix: string, work: (url: string) => Promise<T>): Promise<T> {
  const name = `${prefix}_${randomBytes(6).toString("hex")}`;
  const url = await createDatabase(adminUrl, name);
  try {
    return await work(url);
  } finally {
    await dropDatabase(adminUrl, name);
  }
}
