// A raw statement gives the same rows on the pg pool as through Prisma:
// timestamps as UTC instants, int8 as BigInt, JSON parsed, arrays, enums,
// uuids and nulls alike; and Date parameters are read as UTC wall time.
import { beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { queryOnPool } from "@/lib/db/raw-pool";
import { resetDb, testDb } from "../support/db";

describe("raw statements on the pg pool", () => {
  beforeEach(resetDb);

  it("return exactly what Prisma's $queryRaw returns", async () => {
    const db = testDb();
    const at = new Date("2026-03-02T23:30:00.123Z");
    const sql = Prisma.sql`
      SELECT ${at}::timestamp(3) AS stamp, (${at}::timestamp(3) + interval '1 day') AS later, count(*) AS n,
        '{"a": [1, 2]}'::jsonb AS doc, ARRAY['x', 'y'] AS words, ARRAY[1.5, 2.5]::float8[] AS weights,
        'REVIEW'::"FsrsState" AS state, '00000000-0000-0000-0000-000000000001'::uuid AS id, NULL::timestamp AS nothing,
        ${at} > '2026-03-02 23:00:00'::timestamp AS after_eleven
      FROM generate_series(1, 3)`;
    const viaPool = await queryOnPool(db, sql);
    const viaPrisma = await db.$queryRaw<unknown[]>(sql);
    expect(viaPool).toEqual(viaPrisma);
    expect(viaPool).toEqual([
      {
        stamp: at,
        later: new Date("2026-03-03T23:30:00.123Z"),
        n: 3n,
        doc: { a: [1, 2] },
        words: ["x", "y"],
        weights: [1.5, 2.5],
        state: "REVIEW",
        id: "00000000-0000-0000-0000-000000000001",
        nothing: null,
        after_eleven: true,
      },
    ]);
  });

  it("is not used inside a transaction, which keeps its own connection", async () => {
    const db = testDb();
    await db.$transaction(async (tx) => {
      expect(await queryOnPool(tx, Prisma.sql`SELECT 1 AS one`)).toBeNull();
    });
  });
});
