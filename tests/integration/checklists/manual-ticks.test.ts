// Ticking by hand through PUT /api/modules/{slug}/checklist/{itemId}:
// idempotent, per user, refused on evidence items, and bad input changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import * as itemRoute from "@/app/api/modules/[slug]/checklist/[itemId]/route";
import * as checklistRoute from "@/app/api/modules/[slug]/checklist/route";
import type { ChecklistView } from "@/lib/checklists/checklist-view";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createModuleWithCards, createUser } from "../support/fixtures";
import { COURSE_SLUG, checklistItemId, insertAttempt, seedCourseModule } from "../support/readiness-fixtures";

type Params = { params: Promise<{ slug: string; itemId: string }> };

function put(auth: string, slug: string, itemId: string, body: unknown) {
  const request = new Request(`http://localhost/api/modules/${slug}/checklist/${itemId}`, {
    method: "PUT",
    headers: { authorization: auth, "content-type": "application/json" },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
  const context: Params = { params: Promise.resolve({ slug, itemId }) };
  return itemRoute.PUT(request, context);
}

async function getChecklist(auth: string, slug = COURSE_SLUG): Promise<{ status: number; body: ChecklistView }> {
  const request = new Request(`http://localhost/api/modules/${slug}/checklist`, { headers: { authorization: auth } });
  const response = await checklistRoute.GET(request, { params: Promise.resolve({ slug }) });
  return { status: response.status, body: (await response.json()) as ChecklistView };
}

async function setup() {
  const db = testDb();
  const moduleId = await seedCourseModule(db);
  const me = await createUser(db, "me");
  const other = await createUser(db, "other");
  const plain = await checklistItemId(db, moduleId, "hc-residual-plain");
  const evidence = await checklistItemId(db, moduleId, "hc-causal-mask");
  return { db, moduleId, me, other, plain, evidence, auth: await bearerFor(db, me.id), otherAuth: await bearerFor(db, other.id) };
}

describe("ticking checklist items by hand", () => {
  beforeEach(resetDb);

  it("ticks and unticks idempotently, for the caller only", async () => {
    const { db, me, other, plain, auth, otherAuth } = await setup();
    expect((await put(otherAuth, COURSE_SLUG, plain, { checked: true })).status).toBe(200);
    const first = await put(auth, COURSE_SLUG, plain, { checked: true });
    expect(first.status).toBe(200);
    const ticked = (await first.json()) as { checked: boolean; source: string; checkedAt: string };
    expect(ticked).toMatchObject({ itemId: plain, checked: true, source: "MANUAL" });
    const again = (await (await put(auth, COURSE_SLUG, plain, { checked: true })).json()) as { checkedAt: string };
    expect(again.checkedAt).toBe(ticked.checkedAt);
    expect(await db.checklistProgress.count({ where: { userId: me.id } })).toBe(1);

    const { body } = await getChecklist(auth);
    expect(body.ticked).toBe(1);
    expect(body.sections[0]?.items[0]).toMatchObject({ externalId: "hc-residual-plain", checked: true, source: "MANUAL" });

    for (let i = 0; i < 2; i++) {
      const off = await put(auth, COURSE_SLUG, plain, { checked: false });
      expect(off.status).toBe(200);
      expect(await off.json()).toMatchObject({ checked: false, source: null, checkedAt: null });
    }
    expect(await db.checklistProgress.count({ where: { userId: me.id } })).toBe(0);
    expect(await db.checklistProgress.count({ where: { userId: other.id, itemId: plain } })).toBe(1);
  });

  it("refuses a hand tick on an evidence item, and accepts the state evidence already gave it", async () => {
    const { db, me, evidence, auth } = await setup();
    const refused = await put(auth, COURSE_SLUG, evidence, { checked: true });
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toMatch(/ticks itself/i);
    expect(await db.checklistProgress.count({ where: { userId: me.id } })).toBe(0);
    expect((await put(auth, COURSE_SLUG, evidence, { checked: false })).status).toBe(200);

    // Evidence complete but never read: the PUT settles it and reports the tick.
    for (const day of ["18", "19", "20"]) await insertAttempt(db, me.id, "causal-mask-row", new Date(`2026-11-${day}T12:00:00Z`), { correct: true });
    const settled = await put(auth, COURSE_SLUG, evidence, { checked: true });
    expect(settled.status).toBe(200);
    expect(await settled.json()).toMatchObject({ checked: true, source: "EVIDENCE", checkedAt: "2026-11-20T12:00:00.000Z" });
    const untick = await put(auth, COURSE_SLUG, evidence, { checked: false });
    expect(untick.status).toBe(409);
    expect(await db.checklistProgress.findMany({ where: { userId: me.id } })).toMatchObject([{ itemId: evidence, source: "EVIDENCE" }]);
  });

  it("answers bad input with a clear error and changes nothing", async () => {
    const { db, plain, auth, other } = await setup();
    const otherModule = await createModuleWithCards(db, { cards: 1, slug: "private-notes", scope: other.id, ownerId: other.id });
    const foreign = await db.checklistItem.create({ data: { moduleId: otherModule.moduleId, externalId: "x", text: "Private", position: 0 } });
    const cases: { name: string; slug: string; itemId: string; body: unknown; status: number }[] = [
      { name: "checked missing", slug: COURSE_SLUG, itemId: plain, body: {}, status: 422 },
      { name: "checked not a boolean", slug: COURSE_SLUG, itemId: plain, body: { checked: "yes" }, status: 422 },
      { name: "extra field", slug: COURSE_SLUG, itemId: plain, body: { checked: true, userId: other.id }, status: 422 },
      { name: "not JSON", slug: COURSE_SLUG, itemId: plain, body: "{checked", status: 422 },
      { name: "item id not a uuid", slug: COURSE_SLUG, itemId: "hc-residual-plain", body: { checked: true }, status: 422 },
      { name: "unknown item", slug: COURSE_SLUG, itemId: "00000000-0000-4000-8000-000000000000", body: { checked: true }, status: 404 },
      { name: "item of another module", slug: COURSE_SLUG, itemId: foreign.id, body: { checked: true }, status: 404 },
      { name: "another user's private module", slug: "private-notes", itemId: foreign.id, body: { checked: true }, status: 404 },
      { name: "bad slug", slug: "Not A Slug", itemId: plain, body: { checked: true }, status: 422 },
    ];
    for (const c of cases) {
      const response = await put(auth, c.slug, c.itemId, c.body);
      expect(response.status, c.name).toBe(c.status);
      expect(((await response.json()) as { error: { message: string } }).error.message.length, c.name).toBeGreaterThan(0);
    }
    expect(await db.checklistProgress.count()).toBe(0);
    expect((await getChecklist(auth, "private-notes")).status).toBe(404);
  });
});
