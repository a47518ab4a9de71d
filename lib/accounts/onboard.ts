// What a new account starts with: default settings and the public courses.
import type { Db } from "../db/client";
import { insertEnrollments } from "../data/enrollment";
import { insertDefaultUserSettings } from "../data/user-settings";

/** Creates default settings and enrolls the user in every public module, as of `now`. Safe to call again. */
export async function onboardUser(db: Db, userId: string, now: Date): Promise<void> {
  await insertDefaultUserSettings(db, userId, now);
  const modules = await db.module.findMany({ where: { scope: "public" }, select: { id: true } });
  await insertEnrollments(
    db,
    userId,
    modules.map((m) => m.id),
    now,
  );
}
