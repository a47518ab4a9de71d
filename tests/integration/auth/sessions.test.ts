// Accounts through the auth library itself: sign-up onboards the user, and a
// session cookie still works after the server process starts afresh (the
// session lives in Postgres, not in memory).
import { beforeEach, describe, expect, it } from "vitest";
import { auth } from "@/lib/auth/auth";
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
});
