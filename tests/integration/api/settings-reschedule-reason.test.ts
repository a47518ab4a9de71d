// PATCH /api/settings says which reschedule the change calls for: a change of
// easy days or load balancing offers BALANCING, of the retention RETENTION
// (winning over both), anything else none; a refused patch changes nothing.
import { beforeEach, describe, expect, it } from "vitest";
import { PATCH } from "@/app/api/settings/route";
import { selectUserSettings } from "@/lib/data/user-settings";
import { resetDb, testDb } from "../support/db";
import { bearerFor, createUser } from "../support/fixtures";

const patch = (auth: string, body: unknown) =>
  PATCH(
    new Request("http://localhost/api/settings", {
      method: "PATCH",
      headers: { authorization: auth, "content-type": "application/json" },
      body: JSON.stringify(body),
    }),
    undefined,
  );

async function reasonOf(auth: string, body: unknown): Promise<unknown> {
  const response = await patch(auth, body);
  expect(response.status).toBe(200);
  return ((await response.json()) as { rescheduleReason: unknown }).rescheduleReason;
}

describe("PATCH /api/settings: the reschedule to offer", () => {
  beforeEach(resetDb);

  it("offers BALANCING for easy days or load balancing, RETENTION for the retention, none otherwise", async () => {
    const db = testDb();
    const user = await createUser(db);
    const auth = await bearerFor(db, user.id);
    expect(await reasonOf(auth, { easyDays: [100, 100, 100, 100, 100, 100, 0] })).toBe("BALANCING");
    // The same days again: nothing moved, nothing to offer.
    expect(await reasonOf(auth, { easyDays: [100, 100, 100, 100, 100, 100, 0] })).toBeNull();
    expect(await reasonOf(auth, { loadBalancing: false })).toBe("BALANCING");
    expect(await reasonOf(auth, { newCardsPerDay: 12, theme: "DARK" })).toBeNull();
    expect(await reasonOf(auth, { desiredRetention: 0.85, easyDays: [100, 100, 100, 100, 100, 50, 0] })).toBe("RETENTION");

    const saved = await selectUserSettings(db, user.id);
    const refused = await patch(auth, { easyDays: [100, 100, 100], desiredRetention: 0.8 });
    expect(refused.status).toBe(422);
    expect(await selectUserSettings(db, user.id)).toEqual(saved);
  });
});
