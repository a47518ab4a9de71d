// Evidence-linked checklist items on real Postgres: passes on separate study
// days (the learner's zone and day start) tick them, with the evidence shown;
// evaluation is idempotent and safe under concurrent reads.
import { beforeEach, describe, expect, it } from "vitest";
import type { ChecklistItemView, ChecklistView } from "@/lib/checklists/checklist-view";
import { loadChecklist } from "@/lib/checklists/load-checklist";
import { resetDb, testDb } from "../support/db";
import { createUser } from "../support/fixtures";
import { checklistItemId, insertAttempt, seedCourseModule } from "../support/readiness-fixtures";

const MASK = "causal-mask-row";
// Berlin is UTC+1 in November; study days start at 04:00 local = 03:00 UTC.
const at = (iso: string) => new Date(iso);
const NOW = at("2026-11-23T18:00:00Z");

function item(view: ChecklistView, externalId: string): ChecklistItemView {
  const found = view.sections.flatMap((s) => s.items).find((i) => i.externalId === externalId);
  if (!found) throw new Error(`no item ${externalId}`);
  return found;
}

async function setup() {
  const db = testDb();
  const moduleId = await seedCourseModule(db);
  const user = await createUser(db);
  await db.userSettings.update({ where: { userId: user.id }, data: { timeZone: "Europe/Berlin", dayStartHour: 4 } });
  const pass = (slug: string, iso: string) => insertAttempt(db, user.id, slug, at(iso), { correct: true });
  const fail = (slug: string, iso: string) => insertAttempt(db, user.id, slug, at(iso), { correct: false });
  return { db, moduleId, user, pass, fail };
}

describe("evidence-linked checklist items", () => {
  beforeEach(resetDb);

  it("tick themselves after passes on three separate study days, and show them", async () => {
    const { db, moduleId, user, pass, fail } = await setup();
    await pass(MASK, "2026-11-18T09:00:00Z");
    await pass(MASK, "2026-11-18T20:00:00Z"); // same study day: counts once
    await pass(MASK, "2026-11-21T02:30:00Z"); // 03:30 Berlin, before the 04:00 start: still Nov 20
    await fail(MASK, "2026-11-22T10:00:00Z"); // a failure never counts
    let view = await loadChecklist(db, user.id, moduleId, NOW);
    expect(item(view, "hc-causal-mask")).toMatchObject({
      checked: false,
      source: null,
      evidence: {
        exerciseSlug: MASK,
        needed: 3,
        days: ["2026-11-18", "2026-11-20"],
        complete: false,
        summary: "passed on Nov 18 and Nov 20 — 2 of 3 days so far",
      },
    });
    expect(item(view, "hc-causal-mask").lockedReason).toMatch(/ticks itself/i);

    await pass(MASK, "2026-11-23T08:00:00Z");
    await pass(MASK, "2026-11-23T19:00:00Z"); // after NOW: not seen yet
    view = await loadChecklist(db, user.id, moduleId, NOW);
    expect(item(view, "hc-causal-mask")).toMatchObject({
      checked: true,
      source: "EVIDENCE",
      checkedAt: "2026-11-23T08:00:00.000Z",
      evidence: { days: ["2026-11-18", "2026-11-20", "2026-11-23"], complete: true, summary: "passed on Nov 18, Nov 20 and Nov 23 — 3 of 3 days" },
    });
    const rows = await db.checklistProgress.findMany({ where: { userId: user.id } });
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ source: "EVIDENCE", itemId: await checklistItemId(db, moduleId, "hc-causal-mask") });
    expect(view.ticked).toBe(1);
    expect(view.sections.find((s) => s.name === "Masks and cache")).toMatchObject({ ticked: 1, total: 4 });
  });

  it("does not tick on three passes within one study day", async () => {
    const { db, moduleId, user, pass } = await setup();
    await pass(MASK, "2026-11-22T03:30:00Z"); // 04:30 Berlin on Nov 22
    await pass(MASK, "2026-11-22T15:00:00Z");
    await pass(MASK, "2026-11-23T02:59:00Z"); // 03:59 Berlin on Nov 23: still Nov 22's study day
    const view = await loadChecklist(db, user.id, moduleId, NOW);
    expect(item(view, "hc-causal-mask")).toMatchObject({
      checked: false,
      evidence: { days: ["2026-11-22"], summary: "passed on Nov 22 — 1 of 3 days so far" },
    });
  });

  it("counts the drawing prompt's passes like any exercise (2 days for the pre-norm block)", async () => {
    const { db, moduleId, user, pass } = await setup();
    await pass("prenorm-block-assembly", "2026-11-19T10:00:00Z");
    let view = await loadChecklist(db, user.id, moduleId, NOW);
    expect(item(view, "hc-draw-prenorm")).toMatchObject({ checked: false, evidence: { needed: 2, summary: "passed on Nov 19 — 1 of 2 days so far" } });
    await pass("prenorm-block-assembly", "2026-11-20T10:00:00Z");
    view = await loadChecklist(db, user.id, moduleId, NOW);
    expect(item(view, "hc-draw-prenorm")).toMatchObject({
      checked: true,
      source: "EVIDENCE",
      evidence: { summary: "passed on Nov 19 and Nov 20 — 2 of 2 days" },
    });
  });

  it("stores one tick however often and however concurrently the checklist is read", async () => {
    const { db, moduleId, user, pass } = await setup();
    for (const day of ["18", "19", "20"]) await pass("layernorm-by-hand", `2026-11-${day}T12:00:00Z`);
    const views = await Promise.all(Array.from({ length: 6 }, () => loadChecklist(db, user.id, moduleId, NOW)));
    for (const view of views) expect(item(view, "hc-layernorm")).toMatchObject({ checked: true, checkedAt: "2026-11-20T12:00:00.000Z" });
    const again = await loadChecklist(db, user.id, moduleId, at("2026-11-25T12:00:00Z"));
    expect(item(again, "hc-layernorm").checkedAt).toBe("2026-11-20T12:00:00.000Z");
    expect(await db.checklistProgress.count({ where: { userId: user.id } })).toBe(1);
  });

  it("keeps an earned tick when later attempts fail, and never ticks another learner's item", async () => {
    const { db, moduleId, user, pass, fail } = await setup();
    const other = await createUser(db, "other");
    for (const day of ["18", "19", "20"]) await pass(MASK, `2026-11-${day}T12:00:00Z`);
    await loadChecklist(db, user.id, moduleId, NOW);
    await fail(MASK, "2026-11-23T12:00:00Z");
    expect(item(await loadChecklist(db, user.id, moduleId, NOW), "hc-causal-mask").checked).toBe(true);
    const theirs = await loadChecklist(db, other.id, moduleId, NOW);
    expect(theirs.ticked).toBe(0);
    expect(item(theirs, "hc-causal-mask").evidence?.days).toEqual([]);
  });

  it("ignores an evidence rule of an unknown kind, with a note, and lets the item be ticked by hand", async () => {
    const { db, moduleId, user } = await setup();
    const id = await checklistItemId(db, moduleId, "hc-kv-latency");
    await db.checklistItem.update({ where: { id }, data: { evidenceRule: { kind: "lab-passed", labSlug: "kv-cache" } } });
    const view = await loadChecklist(db, user.id, moduleId, NOW);
    expect(item(view, "hc-kv-latency")).toMatchObject({ checked: false, evidence: null, lockedReason: null });
    expect(item(view, "hc-kv-latency").note).toMatch(/lab-passed/);
  });
});
