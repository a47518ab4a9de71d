// What a new account starts with: default settings and the public courses.
import type { Db } from "../db/client";

/** Creates default settings and enrolls the user in every public module. Safe to call again. */
export async function onboardUser(db: Db, userId: string): Promise<void> {
  await db.userSettings.upsert({ where: { userId }, create: { userId }, update: {} });
  const modules = await db.module.findMany({ where: { scope: "public" }, select: { id: true } });
  if (modules.length === 0) return;
  await db.enrollment.createMany({
    data: modules.map((m) => ({ userId, moduleId: m.id })),
    skipDuplicates: true,
  });
}
