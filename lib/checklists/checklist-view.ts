// A module's checklist for one learner, as pages and the API show it: items
// grouped by section in authored order, each with its tick and, for items
// linked to evidence, what the evidence says so far. Pure.
import type { ProgressRow, StoredEvidence } from "../data/checklist-progress";
import { describeEvidence, readEvidenceRule, type EvidenceProgress } from "./evidence-rule";

export type { ProgressRow, StoredEvidence };

export type ChecklistItemRow = { id: string; externalId: string; section: string; text: string; position: number; evidenceRule: unknown };

/** The JSON stored with an item that ticked itself. */
export function storedEvidenceOf(progress: EvidenceProgress): StoredEvidence {
  return { kind: "exercise-passed", exerciseSlug: progress.exerciseSlug, distinctDays: progress.needed, days: progress.days };
}

export type EvidenceView = { exerciseSlug: string; needed: number; days: string[]; complete: boolean; summary: string };

export type ChecklistItemView = {
  id: string;
  externalId: string;
  text: string;
  checked: boolean;
  /** ISO time of the tick, or null. */
  checkedAt: string | null;
  source: "MANUAL" | "EVIDENCE" | null;
  /** Set on items linked to an exercise: progress so far, or what earned the tick. */
  evidence: EvidenceView | null;
  /** Why the item cannot be ticked or unticked by hand, or null when it can. */
  lockedReason: string | null;
  /** A remark on an evidence rule this version does not understand. */
  note: string | null;
};

export type ChecklistSection = { name: string; ticked: number; total: number; items: ChecklistItemView[] };
export type ChecklistView = { ticked: number; total: number; sections: ChecklistSection[] };

/** Why a learner may not set this item by hand, or null. Evidence items tick themselves; a hand tick would hide the evidence. */
export function manualLockReason(item: Pick<ChecklistItemRow, "evidenceRule">, progress: Pick<ProgressRow, "source"> | null): string | null {
  const read = readEvidenceRule(item.evidenceRule);
  if (read?.kind !== "rule") return null;
  if (progress?.source === "MANUAL") return null;
  if (progress?.source === "EVIDENCE") return "Ticked by your passed exercises; it stays ticked.";
  const days = read.rule.distinctDays;
  return `Ticks itself once the linked exercise is passed on ${days === 1 ? "one day" : `${days} separate days`}; it cannot be ticked by hand.`;
}

function evidenceView(item: ChecklistItemRow, progress: ProgressRow | null, live: EvidenceProgress | undefined): EvidenceView | null {
  if (progress?.source === "EVIDENCE") {
    const stored = progress.evidence;
    if (!stored) return null;
    const shown = { days: stored.days, needed: stored.distinctDays, complete: true };
    return { exerciseSlug: stored.exerciseSlug, ...shown, summary: describeEvidence(shown) };
  }
  const read = readEvidenceRule(item.evidenceRule);
  if (read?.kind !== "rule") return null;
  const shown = live ?? { exerciseSlug: read.rule.exerciseSlug, needed: read.rule.distinctDays, days: [], complete: false };
  return { exerciseSlug: read.rule.exerciseSlug, needed: shown.needed, days: shown.days, complete: shown.complete, summary: describeEvidence(shown) };
}

/**
 * Builds the checklist. `items` are the module's unarchived items (any
 * order); `progress` this learner's rows; `live` the evaluated evidence per
 * item id for items not ticked yet.
 */
export function buildChecklistView(
  items: readonly ChecklistItemRow[],
  progress: readonly ProgressRow[],
  live: ReadonlyMap<string, EvidenceProgress>,
): ChecklistView {
  const byItem = new Map(progress.map((p) => [p.itemId, p]));
  const sections: ChecklistSection[] = [];
  for (const item of [...items].sort((a, b) => a.position - b.position)) {
    const row = byItem.get(item.id) ?? null;
    const read = readEvidenceRule(item.evidenceRule);
    const view: ChecklistItemView = {
      id: item.id,
      externalId: item.externalId,
      text: item.text,
      checked: row !== null,
      checkedAt: row?.checkedAt.toISOString() ?? null,
      source: row?.source ?? null,
      evidence: evidenceView(item, row, live.get(item.id)),
      lockedReason: manualLockReason(item, row),
      note: read?.kind === "unknown" ? `${read.note}; tick it yourself.` : null,
    };
    let section = sections.find((s) => s.name === item.section);
    if (!section) {
      section = { name: item.section, ticked: 0, total: 0, items: [] };
      sections.push(section);
    }
    section.items.push(view);
    section.total++;
    if (view.checked) section.ticked++;
  }
  return {
    ticked: sections.reduce((n, s) => n + s.ticked, 0),
    total: sections.reduce((n, s) => n + s.total, 0),
    sections,
  };
}
