// Which modules a learner can be grilled on, with their interview cards.
import type { Db } from "../db/client";
import type { InterviewCandidate } from "./draw-items";

/** Modules the user studies (enrolled, public or their own), in enrolment order, with their interview cards. */
export async function selectGrillModules(db: Db, userId: string): Promise<{ id: string; title: string; interview: InterviewCandidate[] }[]> {
  const enrollments = await db.enrollment.findMany({
    where: { userId, module: { OR: [{ scope: "public" }, { scope: userId }] } },
    orderBy: [{ enrolledAt: "asc" }, { moduleId: "asc" }],
    select: {
      module: {
        select: {
          id: true,
          title: true,
          cards: { where: { role: "INTERVIEW", archivedAt: null }, select: { id: true, topic: true, difficulty: true } },
        },
      },
    },
  });
  return enrollments.map(({ module }) => ({
    id: module.id,
    title: module.title,
    interview: module.cards.map((c) => ({ cardId: c.id, topic: c.topic, difficulty: c.difficulty })),
  }));
}
