// Raw statements straight on the pg pool the Prisma client runs on. A raw
// statement through Prisma costs ~0.3 ms more CPU than the same statement on
// pg, and Postgres plans an unnamed statement afresh every time (the queue's
// due-card statement took 2–12 ms to plan); the review post and the queue
// send several per request. So each statement text is prepared once per
// connection under a name derived from the text, and values are converted
// exactly as Prisma's pg adapter converts them (timestamps are UTC wall time
// without a zone, int8 is a BigInt): a query gives the same rows either way.
// Only the root client of a pool takes this path: a transaction client
// (which must stay on its own connection) goes through Prisma.
import { createHash } from "node:crypto";
import pg from "pg";
import type { Prisma, PrismaClient } from "./generated/client";

const pools = new WeakMap<object, pg.Pool>();

/** Lets raw statements of `client` run on `pool` (the pool its adapter was built on). */
export function registerRawPool(client: PrismaClient, pool: pg.Pool): void {
  pools.set(client, pool);
}

const TIMESTAMP = 1114;
const INT8 = 20;

/** `timestamp` text ("2026-03-02 09:00:00.123") as the UTC instant it stores. */
const utcTimestamp = (text: string): Date => new Date(`${text.replace(" ", "T")}Z`);

const parsers: Record<number, (text: string) => unknown> = {
  [TIMESTAMP]: utcTimestamp,
  [INT8]: (text) => BigInt(text),
};

const types = {
  getTypeParser: (oid: number, format?: string) =>
    format !== "binary" && parsers[oid] ? parsers[oid] : pg.types.getTypeParser(oid, format === "binary" ? "binary" : "text"),
};

/** A Date as Prisma's pg adapter sends it: UTC wall time, no zone ("2026-03-02 09:00:00.123"). */
function utcWallTime(date: Date): string {
  return date
    .toISOString()
    .replace("T", " ")
    .replace(/(\.000)?Z$/, "");
}

function toParam(value: unknown): unknown {
  if (value instanceof Date) return utcWallTime(value);
  if (Array.isArray(value)) return value.map(toParam);
  return value;
}

/** Statement names by text. The texts are the app's own (values are parameters), so the set stays small. */
const names = new Map<string, string>();

function statementName(text: string): string {
  let name = names.get(text);
  if (!name) {
    name = `residual_${createHash("sha256").update(text).digest("hex").slice(0, 24)}`;
    names.set(text, name);
  }
  return name;
}

/** The rows of `sql` run on `db`'s pool, or null when `db` has none (a transaction client, or a client made elsewhere). */
export async function queryOnPool(db: object, sql: Prisma.Sql): Promise<unknown[] | null> {
  const pool = pools.get(db);
  if (!pool) return null;
  const text = sql.text;
  const result = await pool.query({ name: statementName(text), text, values: sql.values.map(toParam), types });
  return result.rows;
}
