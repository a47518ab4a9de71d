// A learner with a 100,000-card collection for the load-balancing run of
// bench:review: every card in review, 4,000 due today (the ones the clients
// review), the rest due over the coming year, stabilities 5–65 days, so each
// Good review sets an interval the balancer spreads and reads the due counts
// of its fuzz range from a dense (userId, due) index. Fifty API tokens of the
// one learner, each client reviewing its own cards (no two race on a card).
import type { PrismaClient } from "../../lib/db/generated/client";
import { createApiToken } from "../../lib/auth/api-tokens";
import { onboardUser } from "../../lib/accounts/onboard";
import type { LoadUser } from "./load-users";

export const COLLECTION_CARDS = 100_000;
const DUE_TODAY = 4_000;
const USER_ID = "bench-balance";

export type BalanceCollection = { userId: string; clients: LoadUser[]; cardIds: string[][] };

/** Creates the module, its cards, the learner and their states; `clients` tokens, each with its share of today's cards. */
export async function createBalanceCollection(prisma: PrismaClient, clients: number, now: Date): Promise<BalanceCollection> {
  const module = await prisma.module.create({ data: { scope: "public", slug: "bench-balance", title: "Bench balance", sourceHash: "bench" } });
  await prisma.$executeRaw`
    INSERT INTO card (id, "moduleId", "externalId", kind, front, back, "siblingKey", position, "contentHash", "updatedAt")
    SELECT gen_random_uuid(), ${module.id}::uuid, 'b' || i, 'BASIC', 'Question ' || i, 'Answer ' || i, 'b' || i, i, 'h' || i, now()
    FROM generate_series(0, ${COLLECTION_CARDS - 1}) i`;
  await prisma.user.create({ data: { id: USER_ID, name: "Bench balance", email: `${USER_ID}@bench.invalid` } });
  await onboardUser(prisma, USER_ID, now);
  // Stability s, last review s days ago: due today for the first DUE_TODAY positions, else up to a year ahead.
  await prisma.$executeRaw`
    INSERT INTO card_state (id, "userId", "cardId", due, stability, difficulty, "elapsedDays", "scheduledDays", "learningSteps",
      reps, lapses, state, "lastReview", "updatedAt")
    SELECT gen_random_uuid(), ${USER_ID}, c.id,
      CASE WHEN c.position < ${DUE_TODAY} THEN ${now}::timestamp - interval '1 hour'
           ELSE ${now}::timestamp + (c.position % 365 + 1) * interval '1 day' + (c.position % 17) * interval '1 hour' END,
      5 + (c.position % 61), 5, 5 + (c.position % 61), 5 + (c.position % 61), 0, 4, 0, 'REVIEW',
      ${now}::timestamp - (5 + (c.position % 61)) * interval '1 day', now()
    FROM card c WHERE c."moduleId" = ${module.id}::uuid`;
  await prisma.$executeRawUnsafe("VACUUM ANALYZE card_state");
  const due = await prisma.card.findMany({
    where: { moduleId: module.id, position: { lt: DUE_TODAY } },
    select: { id: true },
    orderBy: { position: "asc" },
  });
  const tokens: LoadUser[] = [];
  for (let i = 0; i < clients; i += 1) tokens.push({ id: USER_ID, secret: (await createApiToken(prisma, USER_ID, `bench-${i}`, now)).secret });
  const cardIds = tokens.map((_, i) => due.filter((_, k) => k % clients === i).map((card) => card.id));
  return { userId: USER_ID, clients: tokens, cardIds };
}

/** Turns the learner's load balancing on or off (easy days stay normal). */
export async function setLoadBalancing(prisma: PrismaClient, userId: string, on: boolean): Promise<void> {
  await prisma.userSettings.update({ where: { userId }, data: { loadBalancing: on } });
}
