// Rows are parsed, not cast: raw SQL results and JSON columns go through a zod
// schema in the data module that owns the table. A row that does not match is
// a bug on our side (a query and its schema drifted apart), so it fails as an
// internal error naming the statement, never as a 422 about the request.
import { z } from "zod";
import type { Db } from "./client";
import type { Prisma } from "./generated/client";
import { queryOnPool } from "./raw-pool";

/** Thrown when a stored row or JSON value does not have the shape its schema says. */
export class RowShapeError extends Error {
  constructor(what: string, issues: z.core.$ZodIssue[]) {
    const first = issues[0];
    const where = first ? `${first.path.map(String).join(".") || "(root)"}: ${first.message}` : "no detail";
    super(`${what} has an unexpected shape (${where})`);
    this.name = "RowShapeError";
  }
}

/** `value` parsed by `schema`; throws RowShapeError naming `what` (e.g. "grill_item.result") when it does not fit. */
export function parseStored<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (!result.success) throw new RowShapeError(what, result.error.issues);
  return result.data;
}

/**
 * Runs a raw statement and parses every row with `row`; `what` names the
 * statement in errors. On a root client it runs on the client's pg pool
 * (raw-pool.ts), in a transaction through the transaction client.
 */
export async function queryRows<S extends z.ZodType>(db: Db, row: S, sql: Prisma.Sql, what: string): Promise<z.output<S>[]> {
  const rows: unknown[] = (await queryOnPool(db, sql)) ?? (await db.$queryRaw<unknown[]>(sql));
  return rows.map((r, i) => parseStored(row, r, `${what} row ${i}`));
}

/** A timestamp column of a raw row (the pg adapter hands back a Date). */
export const DateColumn = z.date();

/** An integer a raw statement returns as bigint (count(*) without a cast) or number. */
export const CountColumn = z.union([z.number().int(), z.bigint()]).transform((n) => Number(n));

/**
 * A timestamp inside json_build_object / row_to_json: ISO text without a zone
 * (the columns hold UTC wall time), read as UTC.
 */
export const JsonTimestamp = z
  .string()
  .refine((text) => !Number.isNaN(Date.parse(text.endsWith("Z") ? text : `${text}Z`)), "Not a timestamp")
  .transform((text) => new Date(text.endsWith("Z") ? text : `${text}Z`));
