// Row locks on a user's own rows: one statement shape for every table whose
// rows belong to a user by "userId" and are found by a uuid id.
import { z } from "zod";
import type { Db } from "../db/client";
import { Prisma } from "../db/generated/client";
import { queryRows } from "../db/rows";

/** The tables a user's row is locked in (a fixed list: the name goes into the statement as written). */
export type UserRowTable = "scheduling_preset" | "grill_session";

/**
 * Locks row `id` of `table` for the rest of the transaction when it belongs to
 * `userId`; false when the user has no such row (another user's id included).
 */
export async function lockUserRow(db: Db, table: UserRowTable, userId: string, id: string): Promise<boolean> {
  const rows = await queryRows(
    db,
    z.object({ id: z.string() }),
    Prisma.sql`SELECT id::text FROM ${Prisma.raw(table)} WHERE id = ${id}::uuid AND "userId" = ${userId} FOR UPDATE`,
    `lock ${table}`,
  );
  return rows.length === 1;
}
