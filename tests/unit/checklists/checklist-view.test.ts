import { describe, expect, it } from "vitest";
import { buildChecklistView, manualLockReason, type ChecklistItemRow, type ProgressRow } from "@/lib/checklists/checklist-view";

const RULE = { kind: "exercise-passed", exerciseSlug: "causal-mask-row", distinctDays: 3 };
const row = (id: string, section: string, position: number, evidenceRule: unknown = null): ChecklistItemRow => ({
  id,
  externalId: `hc-${id}`,
  section,
  text: `Item ${id}`,
  position,
  evidenceRule,
});
const AT = new Date("2026-11-20T12:00:00Z");

describe("manualLockReason", () => {
  it.each([
    { name: "plain item, unticked", rule: null, source: null, locked: false },
    { name: "plain item, ticked by hand", rule: null, source: "MANUAL" as const, locked: false },
    { name: "evidence item, unticked", rule: RULE, source: null, locked: true },
    { name: "evidence item, ticked by evidence", rule: RULE, source: "EVIDENCE" as const, locked: true },
    { name: "evidence item ticked by hand before it had a rule", rule: RULE, source: "MANUAL" as const, locked: false },
    { name: "unknown rule kind behaves like a plain item", rule: { kind: "lab-passed" }, source: null, locked: false },
  ])("$name", ({ rule, source, locked }) => {
    expect(manualLockReason({ evidenceRule: rule }, source ? { source } : null) !== null).toBe(locked);
  });
});

describe("buildChecklistView", () => {
  const items = [row("c", "Masks", 2, RULE), row("a", "Foundations", 0), row("b", "Foundations", 1), row("d", "Masks", 3, { kind: "mystery" })];

  it("groups by section in authored order and counts ticks", () => {
    const progress: ProgressRow[] = [{ itemId: "b", checkedAt: AT, source: "MANUAL", evidence: null }];
    const view = buildChecklistView(items, progress, new Map());
    expect(view.sections.map((s) => [s.name, s.ticked, s.total])).toEqual([
      ["Foundations", 1, 2],
      ["Masks", 0, 2],
    ]);
    expect(view.sections[0]?.items.map((i) => i.id)).toEqual(["a", "b"]);
    expect(view).toMatchObject({ ticked: 1, total: 4 });
    expect(view.sections[1]?.items[1]).toMatchObject({ id: "d", evidence: null, lockedReason: null });
    expect(view.sections[1]?.items[1]?.note).toMatch(/"mystery" is not understood.*tick it yourself/);
  });

  it("shows live progress on an unticked evidence item, and the stored evidence once ticked", () => {
    const live = new Map([["c", { exerciseSlug: "causal-mask-row", needed: 3, days: ["2026-11-18"], complete: false, completedAt: null }]]);
    const open = buildChecklistView(items, [], live).sections[1]?.items[0];
    expect(open).toMatchObject({ checked: false, evidence: { days: ["2026-11-18"], summary: "passed on Nov 18 — 1 of 3 days so far" } });
    expect(open?.lockedReason).toMatch(/ticks itself/i);

    const evidence = { kind: "exercise-passed" as const, exerciseSlug: "causal-mask-row", distinctDays: 3, days: ["2026-11-18", "2026-11-19", "2026-11-20"] };
    const done = buildChecklistView(items, [{ itemId: "c", checkedAt: AT, source: "EVIDENCE", evidence }], new Map()).sections[1]?.items[0];
    expect(done).toMatchObject({
      checked: true,
      source: "EVIDENCE",
      checkedAt: AT.toISOString(),
      evidence: { complete: true, summary: "passed on Nov 18, Nov 19 and Nov 20 — 3 of 3 days" },
    });
  });
});
