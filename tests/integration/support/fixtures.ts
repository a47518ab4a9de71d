// Small builders for integration tests: users, modules with cards, tokens.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { onboardUser } from "@/lib/accounts/onboard";
import { createApiToken } from "@/lib/auth/api-tokens";

export async function createUser(db: PrismaClient, name = "learner"): Promise<{ id: string; email: string }> {
  const id = randomUUID();
  const email = `${name}-${id.slice(0, 8)}@example.test`;
  await db.user.create({ data: { id, name, email } });
  await onboardUser(db, id, new Date());
  return { id, email };
}

export async function createModuleWithCards(
  db: PrismaClient,
  options: { scope?: string; ownerId?: string; cards: number; siblingPairs?: number; slug?: string },
): Promise<{ moduleId: string; cardIds: string[] }> {
  const module = await db.module.create({
    data: {
      scope: options.scope ?? "public",
      ownerId: options.ownerId ?? null,
      slug: options.slug ?? `m-${randomUUID().slice(0, 8)}`,
      title: "Test module",
      sourceHash: "test",
    },
  });
  const pairs = options.siblingPairs ?? 0;
  const cardIds: string[] = [];
  for (let i = 0; i < options.cards; i++) {
    const siblingKey = i < pairs * 2 ? `pair-${Math.floor(i / 2)}` : `card-${i}`;
    const card = await db.card.create({
      data: {
        moduleId: module.id,
        externalId: `c${i}`,
        kind: i < pairs * 2 && i % 2 === 1 ? "REVERSED" : "BASIC",
        front: `Question ${i}`,
        back: `Answer ${i}`,
        siblingKey,
        position: i,
        contentHash: `h${i}`,
      },
    });
    cardIds.push(card.id);
  }
  return { moduleId: module.id, cardIds };
}

export async function enroll(db: PrismaClient, userId: string, moduleId: string): Promise<void> {
  await db.enrollment.upsert({ where: { userId_moduleId: { userId, moduleId } }, create: { userId, moduleId }, update: {} });
}

export async function bearerFor(db: PrismaClient, userId: string): Promise<string> {
  const { secret } = await createApiToken(db, userId, "test", new Date());
  return `Bearer ${secret}`;
}
