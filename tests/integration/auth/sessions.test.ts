// Accounts through the auth library itself: sign-up onboards the user, and a
// session cookie still works after the server process starts afresh (the
// session lives in Postgres, not in memory).
import { beforeEach, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
import { requireUserId } from "@/lib/auth/current-user";
import { resetDb, testDb } from "../support/db";
import { createModuleWithCards } from "../support/fixtures";

const ORIGIN = "http://localhost:3000";

function freshProcess(): void {
  delete (globalThis as { residualAuth?: unknown }).residualAuth;
}

describe("accounts", () => {
  beforeEach(resetDb);

  it("signs up, onboards, and keeps the session across a restart", async () => {
    const db = testDb();
    await createModuleWithCards(db, { cards: 2, slug: "course" });
    const response = await auth().api.signUpEmail({
      body: { email: "restart@example.test", password: "long enough pw", name: "Restart" },
      headers: new Headers({ origin: ORIGIN }),
      asResponse: true,
    });
    expect(response.status).toBe(200);
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    expect(cookie).toContain("session_token");

    const user = await db.user.findUniqueOrThrow({ where: { email: "restart@example.test" } });
    expect(await db.userSettings.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.enrollment.count({ where: { userId: user.id } })).toBe(1);
    const account = await db.account.findFirstOrThrow({ where: { userId: user.id } });
    expect(account.password).not.toContain("long enough pw");

    freshProcess();
    const session = await auth().api.getSession({ headers: new Headers({ cookie }) });
    expect(session?.user.email).toBe("restart@example.test");
  });

  it("refuses a wrong password and an unknown session", async () => {
    await auth().api.signUpEmail({ body: { email: "pw@example.test", password: "long enough pw", name: "Pw" }, headers: new Headers({ origin: ORIGIN }) });
    const wrong = await auth().api.signInEmail({
      body: { email: "pw@example.test", password: "not the password" },
      headers: new Headers({ origin: ORIGIN }),
      asResponse: true,
    });
    expect(wrong.status).toBe(401);
    const none = await auth().api.getSession({ headers: new Headers({ cookie: "better-auth.session_token=forged.value" }) });
    expect(none).toBeNull();
  });

  it("a remembered identity never skips the cross-site check: same-origin read, then a cross-site write is 403", async () => {
    const response = await auth().api.signUpEmail({
      body: { email: "cached@example.test", password: "long enough pw", name: "Cached" },
      headers: new Headers({ origin: ORIGIN }),
      asResponse: true,
    });
    const cookie = (response.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const now = new Date();
    const read = new Request(`${ORIGIN}/api/queue`, { headers: { cookie, host: "localhost:3000" } });
    const userId = await requireUserId(read, now);
    const sameSite = new Request(`${ORIGIN}/api/reviews`, { method: "POST", headers: { cookie, host: "localhost:3000", origin: ORIGIN } });
    expect(await requireUserId(sameSite, now)).toBe(userId);
    const crossSite = new Request(`${ORIGIN}/api/reviews`, { method: "POST", headers: { cookie, host: "localhost:3000", origin: "https://evil.example" } });
    await expect(requireUserId(crossSite, now)).rejects.toMatchObject({ code: "FORBIDDEN" });
  });
});
