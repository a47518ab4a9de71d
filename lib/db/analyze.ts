// Planner statistics after a bulk write. Autovacuum analyzes a table only
// once a tenth of it has changed and its next round comes (up to a minute
// later); until then the planner plans the queue for a user of 21 modules as if
// the imported rows were not there (≈100–260 ms instead of ≈25 ms, measured by
// `npm run bench:import -- --in-process`). So an import that wrote many rows
// analyzes the tables it grew as soon as it has committed; `module` too, though
// it grew by a few rows: without it the queue's due-card plan stays slow.
import type { PrismaClient } from "./generated/client";

/** The tables an import grows. Names, never input: ANALYZE takes no parameters. */
export type AnalyzedTable = "module" | "card" | "card_state" | "review_log" | "enrollment";

/**
 * Runs ANALYZE on `tables` on the root client (after, never inside, the
 * transaction that wrote them). A failure is logged and swallowed: the write
 * it follows has committed, and autovacuum will gather the statistics later.
 */
export async function analyzeTables(db: PrismaClient, tables: readonly AnalyzedTable[]): Promise<void> {
  if (tables.length === 0) return;
  try {
    await db.$executeRawUnsafe(`ANALYZE ${tables.map((t) => `"${t}"`).join(", ")}`);
  } catch (error) {
    console.error("[residual] ANALYZE after an import failed", error);
  }
}
