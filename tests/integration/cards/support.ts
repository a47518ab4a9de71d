// Fixtures for the card search and action tests: a learner with a module of
// their own holding written cards, the public course, and another learner.
import { randomUUID } from "node:crypto";
import type { PrismaClient } from "@/lib/db/generated/client";
import { createModule } from "@/lib/modules/manage-modules";
import { createModuleWithCards, createUser, enroll } from "../support/fixtures";

export const T0 = new Date("2026-03-02T09:00:00Z");
export const hours = (n: number) => new Date(T0.getTime() + n * 3_600_000);

export type CardText = { front: string; back: string; tags?: string[] };

/** Adds cards with this text to a module, after its last position. */
export async function addCards(db: PrismaClient, moduleId: string, cards: readonly CardText[], createdAt = T0): Promise<string[]> {
  const last = await db.card.aggregate({ where: { moduleId }, _max: { position: true } });
  const start = (last._max.position ?? -1) + 1;
  const rows = await db.card.createManyAndReturn({
    data: cards.map((c, i) => ({
      moduleId,
      externalId: randomUUID(),
      kind: "BASIC" as const,
      front: c.front,
      back: c.back,
      tags: c.tags ?? [],
      siblingKey: randomUUID(),
      position: start + i,
      contentHash: randomUUID(),
      createdAt: new Date(createdAt.getTime() + i * 1000),
      updatedAt: new Date(createdAt.getTime() + i * 1000),
    })),
    select: { id: true, position: true },
  });
  return rows.sort((a, b) => a.position - b.position).map((r) => r.id);
}

export async function learnerWithModules(db: PrismaClient) {
  const me = await createUser(db);
  const other = await createUser(db, "other");
  const course = await createModuleWithCards(db, { cards: 3, slug: "course" });
  await enroll(db, me.id, course.moduleId);
  await enroll(db, other.id, course.moduleId);
  const mine = await createModule(db, me.id, { slug: "mine", title: "Mine", description: "" }, T0);
  const spare = await createModule(db, me.id, { slug: "spare", title: "Spare", description: "" }, T0);
  const theirs = await createModule(db, other.id, { slug: "theirs", title: "Theirs", description: "" }, T0);
  return { me, other, course, mine, spare, theirs };
}
