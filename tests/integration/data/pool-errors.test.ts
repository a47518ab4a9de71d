// A pooled connection that Postgres drops while idle (a restart, an admin
// killing it) must not end the process: the pool forgets it and the next
// statement opens a fresh one.
import { describe, expect, it } from "vitest";
import { createPrismaClient } from "@/lib/db/client";
import { Prisma } from "@/lib/db/generated/client";
import { queryRows } from "@/lib/db/rows";
import { z } from "zod";
import { testDb } from "../support/db";

describe("the raw statement pool", () => {
  it("survives its idle connections being terminated", async () => {
    const url = new URL(process.env.DATABASE_URL ?? "");
    url.searchParams.set("application_name", "pool-drop-test");
    const client = createPrismaClient(url.toString(), 2);
    const one = z.object({ one: z.number() });
    try {
      expect(await queryRows(client, one, Prisma.sql`SELECT 1 AS one`, "first")).toEqual([{ one: 1 }]);
      const killed = await testDb().$queryRaw<{ n: bigint }[]>`
        SELECT count(pg_terminate_backend(pid)) AS n FROM pg_stat_activity WHERE application_name = 'pool-drop-test'`;
      expect(Number(killed[0]?.n)).toBeGreaterThan(0);
      await new Promise((done) => setTimeout(done, 200));
      expect(await queryRows(client, one, Prisma.sql`SELECT 1 AS one`, "after")).toEqual([{ one: 1 }]);
    } finally {
      await client.$disconnect();
    }
  });
});
