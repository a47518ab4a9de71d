// What an import did, as data, plus a plain-text rendering for scripts.
import type { ImportPlan, IncomingItem } from "./plan-import";
import type { ParseWarning, SkippedLine } from "./schemas";

/** External ids of one kind of item (cards or checklist items), by outcome. */
export interface ChangeSet {
  created: string[];
  updated: string[];
  /** Archived before, back in the source now (their content rewritten). */
  restored: string[];
  /** Content unchanged, position changed. */
  moved: string[];
  unchanged: string[];
  archived: string[];
}

export interface ImportReport {
  module: { id: string; slug: string; scope: string; title: string; status: "created" | "updated" | "unchanged" };
  /** Totals over cards and checklist items together. */
  created: number;
  updated: number;
  restored: number;
  moved: number;
  unchanged: number;
  archived: number;
  cards: ChangeSet;
  checklist: ChangeSet;
  /** Lines the parser could not use, with reasons. */
  skipped: SkippedLine[];
  warnings: ParseWarning[];
}

/** The change set a plan describes. */
export function changeSetOf(plan: ImportPlan<IncomingItem>): ChangeSet {
  const ids = (list: Array<{ item: IncomingItem }>) => list.map((e) => e.item.externalId);
  return {
    created: plan.create.map((i) => i.externalId),
    updated: ids(plan.update),
    restored: ids(plan.restore),
    moved: ids(plan.move),
    unchanged: ids(plan.unchanged),
    archived: plan.archive.map((r) => r.externalId),
  };
}

/** Sums two change sets' sizes into the report's totals. */
export function totals(a: ChangeSet, b: ChangeSet): Pick<ImportReport, "created" | "updated" | "restored" | "moved" | "unchanged" | "archived"> {
  const n = (k: keyof ChangeSet) => a[k].length + b[k].length;
  return {
    created: n("created"),
    updated: n("updated"),
    restored: n("restored"),
    moved: n("moved"),
    unchanged: n("unchanged"),
    archived: n("archived"),
  };
}

function line(label: string, set: ChangeSet): string {
  const parts = (Object.keys(set) as Array<keyof ChangeSet>).map((k) => `${set[k].length} ${k}`);
  return `  ${label}: ${parts.join(", ")}`;
}

/** A short human-readable summary; lists every skipped line and warning. */
export function formatImportReport(report: ImportReport): string {
  const out = [
    `Module ${report.module.slug} (${report.module.scope}): ${report.module.status}`,
    line("cards", report.cards),
    line("checklist", report.checklist),
  ];
  for (const kind of ["updated", "restored", "archived"] as const) {
    const ids = [...report.cards[kind], ...report.checklist[kind]];
    if (ids.length) out.push(`  ${kind}: ${ids.join(", ")}`);
  }
  if (report.skipped.length) out.push(`  skipped ${report.skipped.length}:`);
  for (const s of report.skipped) out.push(`    ${s.file}:${s.line} ${s.reason} — ${s.text}`);
  if (report.warnings.length) out.push(`  warnings ${report.warnings.length}:`);
  for (const w of report.warnings) out.push(`    ${w.file}:${w.line} ${w.message}`);
  return out.join("\n");
}
