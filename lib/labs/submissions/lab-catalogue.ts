// The catalogue as one learner sees it: every lab, with their latest result there.
import type { Db } from "../../db/client";
import { labSummaries, type LabLookup } from "..";
import type { LabSummary } from "../lab-types";
import { selectLatestPerLab } from "./submission-rows";

export type LabCatalogueEntry = LabSummary & {
  /** The user's newest submission at this lab, or null when they have none. */
  last: { status: string; passed: boolean | null; createdAt: string } | null;
};

/** Every lab in catalogue order, with `userId`'s latest submission status. */
export async function labCatalogue(db: Db, labs: LabLookup, userId: string): Promise<LabCatalogueEntry[]> {
  const latest = await selectLatestPerLab(db, userId);
  return labSummaries(labs.labs).map((summary) => {
    const last = latest.get(summary.slug);
    return { ...summary, last: last ? { status: last.status, passed: last.passed, createdAt: last.createdAt.toISOString() } : null };
  });
}
