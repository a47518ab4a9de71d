// Reading one grill for its owner.
import type { Db } from "../db/client";
import { selectGrill } from "./grill-rows";
import { toGrillView, type GrillView } from "./grill-view";

/** The user's grill as the client sees it; NOT_FOUND when missing or someone else's. */
export async function getGrill(db: Db, userId: string, grillId: string): Promise<GrillView> {
  return toGrillView(await selectGrill(db, userId, grillId));
}
