import { describe, expect, it } from "vitest";
import { isNoop, planImport, type ExistingRow } from "@/lib/content/plan-import";

const T = new Date("2026-03-01T00:00:00Z");
const row = (externalId: string, fingerprint: string, position: number, archivedAt: Date | null = null): ExistingRow => ({
  id: `id-${externalId}`,
  externalId,
  fingerprint,
  position,
  archivedAt,
});
const item = (externalId: string, fingerprint: string, position: number) => ({ externalId, fingerprint, position });

const cases = [
  { name: "empty database: everything is created", existing: [], incoming: [item("a", "1", 0)], expect: { create: ["a"] } },
  { name: "same content: unchanged", existing: [row("a", "1", 0)], incoming: [item("a", "1", 0)], expect: { unchanged: ["a"] } },
  { name: "new content: updated in place", existing: [row("a", "1", 0)], incoming: [item("a", "2", 0)], expect: { update: ["a"] } },
  { name: "same content, new position: moved", existing: [row("a", "1", 0)], incoming: [item("a", "1", 3)], expect: { move: ["a"] } },
  { name: "gone from the source: archived", existing: [row("a", "1", 0)], incoming: [], expect: { archive: ["a"] } },
  { name: "archived and gone: nothing to do", existing: [row("a", "1", 0, T)], incoming: [], expect: {} },
  { name: "archived and back: restored", existing: [row("a", "1", 0, T)], incoming: [item("a", "1", 0)], expect: { restore: ["a"] } },
];

describe("planImport", () => {
  it.each(cases)("$name", ({ existing, incoming, expect: want }) => {
    const plan = planImport(existing, incoming);
    const ids = {
      create: plan.create.map((i) => i.externalId),
      update: plan.update.map((e) => e.item.externalId),
      restore: plan.restore.map((e) => e.item.externalId),
      move: plan.move.map((e) => e.item.externalId),
      unchanged: plan.unchanged.map((e) => e.item.externalId),
      archive: plan.archive.map((r) => r.externalId),
    };
    expect(ids).toEqual({ create: [], update: [], restore: [], move: [], unchanged: [], archive: [], ...want });
  });

  it("keeps the existing row id for updates", () => {
    expect(planImport([row("a", "1", 0)], [item("a", "2", 0)]).update[0]?.id).toBe("id-a");
  });

  it("isNoop is true only when nothing is written", () => {
    expect(isNoop(planImport([row("a", "1", 0)], [item("a", "1", 0)]))).toBe(true);
    expect(isNoop(planImport([row("a", "1", 0)], [item("a", "1", 1)]))).toBe(false);
  });
});
