// The pure half of an import: compares what the database holds for a module
// with what was parsed and decides, per external id, what to write.

/** What the database holds for one item (card or checklist item). */
export interface ExistingRow {
  id: string;
  externalId: string;
  fingerprint: string;
  position: number;
  archivedAt: Date | null;
}

/** What the source says about one item. */
export interface IncomingItem {
  externalId: string;
  fingerprint: string;
  position: number;
}

/** Per-item decisions. Every existing row and incoming item lands in exactly one list. */
export interface ImportPlan<T extends IncomingItem> {
  /** New external ids: insert. */
  create: T[];
  /** Content changed: update in place (same row id, so history is kept). */
  update: Array<{ id: string; item: T }>;
  /** Archived earlier and back in the source: un-archive and write its content. */
  restore: Array<{ id: string; item: T }>;
  /** Same content, new position only. */
  move: Array<{ id: string; item: T }>;
  /** Nothing to write. */
  unchanged: Array<{ id: string; item: T }>;
  /** Live rows no longer in the source: set archivedAt (never delete). */
  archive: ExistingRow[];
}

/**
 * Plans an import. Precondition: external ids are unique within `incoming`
 * and within `existing` (the parser and the unique index guarantee both).
 */
export function planImport<T extends IncomingItem>(existing: readonly ExistingRow[], incoming: readonly T[]): ImportPlan<T> {
  const byId = new Map(existing.map((row) => [row.externalId, row]));
  const plan: ImportPlan<T> = { create: [], update: [], restore: [], move: [], unchanged: [], archive: [] };
  for (const item of incoming) {
    const row = byId.get(item.externalId);
    if (!row) plan.create.push(item);
    else if (row.archivedAt) plan.restore.push({ id: row.id, item });
    else if (row.fingerprint !== item.fingerprint) plan.update.push({ id: row.id, item });
    else if (row.position !== item.position) plan.move.push({ id: row.id, item });
    else plan.unchanged.push({ id: row.id, item });
  }
  const present = new Set(incoming.map((i) => i.externalId));
  plan.archive = existing.filter((row) => !row.archivedAt && !present.has(row.externalId));
  return plan;
}

/** True when carrying out the plan writes nothing. */
export function isNoop(plan: ImportPlan<IncomingItem>): boolean {
  return plan.create.length + plan.update.length + plan.restore.length + plan.move.length + plan.archive.length === 0;
}
