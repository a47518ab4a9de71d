// Accounts for the load test, made directly in the database: a user, the
// onboarding every new account gets, and an API token for bearer requests.
// A public bench module guarantees enough new cards whatever the seed holds.
import { createHash } from "node:crypto";
import { createApiToken } from "../../lib/auth/api-tokens";
import { onboardUser } from "../../lib/accounts/onboard";
import type { PrismaClient } from "../../lib/db/generated/client";

/** A load client: a bearer token (`secret`), or a browser session `cookie` (then `secret` is empty). */
export type LoadUser = { id: string; secret: string; cookie?: string };

/** The headers that sign a request in as `user`; a cookie request carries the app's own Origin, as a browser's would. */
export function authHeaders(user: LoadUser, baseUrl: string): Record<string, string> {
  return user.cookie ? { cookie: user.cookie, origin: baseUrl } : { authorization: `Bearer ${user.secret}` };
}

const BENCH_MODULE_CARDS = 120;

/** Creates the public `bench-load` module with plain basic cards; returns its card count. */
export async function createBenchModule(prisma: PrismaClient): Promise<number> {
  const module = await prisma.module.create({
    data: { scope: "public", slug: "bench-load", title: "Bench load", sourceHash: "bench" },
  });
  await prisma.card.createMany({
    data: Array.from({ length: BENCH_MODULE_CARDS }, (_, i) => ({
      moduleId: module.id,
      externalId: `bench-${i}`,
      kind: "BASIC" as const,
      front: `What does **attention head ${i}** compute? $QK^T/\\sqrt{d}$`,
      back: `A weighted sum of values, weights from a softmax over scaled query–key scores (card ${i}).`,
      siblingKey: `bench-${i}`,
      position: i,
      contentHash: createHash("sha256").update(`bench-${i}`).digest("hex"),
    })),
  });
  return BENCH_MODULE_CARDS;
}

/** Creates `count` onboarded users named `<prefix>-<i>`, each with one API token. */
export async function createLoadUsers(prisma: PrismaClient, prefix: string, count: number): Promise<LoadUser[]> {
  const users: LoadUser[] = [];
  for (let i = 0; i < count; i++) {
    const id = `${prefix}-${i}`;
    const now = new Date();
    await prisma.user.create({ data: { id, name: `Bench ${prefix} ${i}`, email: `${id}@bench.invalid` } });
    await onboardUser(prisma, id, now);
    const { secret } = await createApiToken(prisma, id, "bench", now);
    users.push({ id, secret });
  }
  return users;
}

/** review_log rows of the given users. */
export async function countReviewLogs(prisma: PrismaClient, userIds: readonly string[]): Promise<number> {
  return prisma.reviewLog.count({ where: { userId: { in: [...userIds] } } });
}
