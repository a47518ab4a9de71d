// The Postgres-backed limits: counters that stay exact under concurrent hits,
// the per-account backoff claimed atomically, and the auth request workflow
// with client addresses as the app server reports them.
import { beforeEach, describe, expect, it } from "vitest";
import { handleAuthRequest } from "@/lib/auth/auth-request";
import { EDGE_TOKEN_HEADER } from "@/lib/http/forwarded-headers";
import { countHit } from "@/lib/rate-limits/counters";
import { claimSignInAttempt, clearBackoff } from "@/lib/rate-limits/sign-in-backoff";
import { resetDb, testDb } from "../support/db";

const TOKEN = "integration-edge-token-0123456789";
process.env.RESIDUAL_EDGE_TOKEN = TOKEN;

const ORIGIN = "http://localhost:3000";
const NOW = new Date("2026-12-02T12:00:00Z");
const later = (ms: number) => new Date(NOW.getTime() + ms);
const RULE = { name: "test", max: 10, windowMs: 60_000 };

type Client = { address: string; protocol?: "http" | "https"; stamped?: boolean };

function authPost(path: string, body: unknown, client: Client): Request {
  const headers = new Headers({ "content-type": "application/json", origin: ORIGIN, "x-forwarded-for": client.address });
  headers.set("x-forwarded-proto", client.protocol ?? "http");
  if (client.stamped !== false) headers.set(EDGE_TOKEN_HEADER, TOKEN);
  return new Request(`${ORIGIN}/api/auth${path}`, { method: "POST", headers, body: JSON.stringify(body) });
}

async function signUp(email: string, password: string, client: Client, now = NOW): Promise<Response> {
  return handleAuthRequest(authPost("/sign-up/email", { email, password, name: "Learner" }, client), now);
}

async function signIn(email: string, password: string, client: Client, now = NOW): Promise<Response> {
  return handleAuthRequest(authPost("/sign-in/email", { email, password }, client), now);
}

describe("rate-limit counters", () => {
  beforeEach(resetDb);

  it("counts 40 concurrent hits on one key exactly once each", async () => {
    const counts = await Promise.all(Array.from({ length: 40 }, () => countHit(testDb(), "k", RULE, NOW)));
    expect(counts.map((count) => count.hits).sort((a, b) => a - b)).toEqual(Array.from({ length: 40 }, (_, i) => i + 1));
  });

  it("starts a new window once the old one has passed", async () => {
    for (let i = 0; i < 3; i++) await countHit(testDb(), "k", RULE, NOW);
    expect((await countHit(testDb(), "k", RULE, later(59_999))).hits).toBe(4);
    const fresh = await countHit(testDb(), "k", RULE, later(60_000));
    expect(fresh).toEqual({ hits: 1, windowStart: later(60_000) });
  });
});

describe("per-account backoff", () => {
  beforeEach(resetDb);

  it("lets exactly five of 20 concurrent attempts through, then makes the account wait", async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimSignInAttempt(testDb(), "a@example.test", NOW)));
    expect(claims.filter((claim) => claim.allowed)).toHaveLength(5);
    expect(claims.find((claim) => !claim.allowed)).toEqual({ allowed: false, retryAfterMs: 60_000 });
    expect((await claimSignInAttempt(testDb(), "a@example.test", later(59_000))).allowed).toBe(false);
    const sixth = await claimSignInAttempt(testDb(), "a@example.test", later(60_000));
    expect(sixth).toMatchObject({ allowed: true, record: { failures: 6 } });
    expect(await claimSignInAttempt(testDb(), "a@example.test", later(61_000))).toEqual({ allowed: false, retryAfterMs: 119_000 });
  });

  it("forgets after a quiet spell and on success", async () => {
    for (let i = 0; i < 4; i++) await claimSignInAttempt(testDb(), "b@example.test", NOW);
    expect(await claimSignInAttempt(testDb(), "b@example.test", later(15 * 60_000))).toMatchObject({ record: { failures: 1 } });
    await clearBackoff(testDb(), "b@example.test");
    expect(await testDb().signInBackoff.count()).toBe(0);
  });
});

describe("auth requests", () => {
  beforeEach(resetDb);

  it("200 wrong passwords from 200 addresses: refused after five, and the right password too while the account waits", async () => {
    expect((await signUp("victim@example.test", "correct horse battery", { address: "198.51.100.1" })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 200; i++) {
      statuses.push((await signIn("victim@example.test", `wrong guess ${i}`, { address: `203.0.${Math.floor(i / 250)}.${i % 250}` })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);

    const right = await signIn("VICTIM@example.test", "correct horse battery", { address: "192.0.2.77" });
    expect(right.status).toBe(429);
    expect(right.headers.get("retry-after")).toBe("60");
    expect(right.headers.get("set-cookie")).toBeNull();
    expect(await right.json()).toEqual({ code: "RATE_LIMITED", message: "Too many sign-in attempts for this account; try again in 1 minute." });

    const afterWait = await signIn("victim@example.test", "correct horse battery", { address: "192.0.2.77" }, later(60_000));
    expect(afterWait.status).toBe(200);
    expect(await testDb().signInBackoff.count()).toBe(0);
  }, 90_000);

  it("limits sign-ins per address whatever the account, and never by a header the client set", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await signIn(`nobody-${i}@example.test`, "whatever it is", { address: `203.0.113.${i}`, stamped: false })).status);
    }
    expect(statuses.slice(0, 10).every((status) => status === 401)).toBe(true);
    expect(statuses.slice(10)).toEqual([429, 429]);
    const rows = await testDb().rateLimitCounter.findMany();
    expect(rows.map((row) => [row.key, row.hits])).toEqual([["sign-in:unknown", 12]]);
  });

  it("counts one address across accounts and lets another address through", async () => {
    for (let i = 0; i < 10; i++) await signIn(`n${i}@example.test`, "whatever it is", { address: "203.0.113.9" });
    const refused = await signIn("n99@example.test", "whatever it is", { address: "203.0.113.9" });
    expect(refused.status).toBe(429);
    expect((await refused.json()).message).toBe("Too many sign-in attempts from your network; try again in 1 minute.");
    expect((await signIn("n99@example.test", "whatever it is", { address: "203.0.113.10" })).status).toBe(401);
  });
});

describe("passwords and cookies", () => {
  beforeEach(resetDb);

  it.each([
    { name: "eight spaces", password: "        ", message: "cannot be only spaces" },
    { name: "12345678", password: "12345678", message: "most common" },
    { name: "Password1", password: "Password1", message: "most common" },
  ])("refuses $name at sign-up with 422 and creates nothing", async ({ password, message }) => {
    const response = await signUp("weak@example.test", password, { address: "198.51.100.2" });
    expect(response.status).toBe(422);
    expect((await response.json()).message).toContain(message);
    expect(await testDb().user.count()).toBe(0);
  });

  it("refuses a common new password on change", async () => {
    const created = await signUp("changer@example.test", "correct horse battery", { address: "198.51.100.3" });
    const cookie = (created.headers.get("set-cookie") ?? "").split(";")[0] ?? "";
    const request = authPost("/change-password", { currentPassword: "correct horse battery", newPassword: "iloveyou1" }, { address: "198.51.100.3" });
    request.headers.set("cookie", cookie);
    const response = await handleAuthRequest(request, NOW);
    expect(response.status).toBe(422);
    expect((await response.json()).code).toBe("PASSWORD_TOO_COMMON");
  });

  it.each([
    { name: "https reported by the app server", client: { address: "198.51.100.4", protocol: "https" as const }, secure: true },
    { name: "plain http", client: { address: "198.51.100.4", protocol: "http" as const }, secure: false },
    { name: "https claimed without the server's stamp", client: { address: "198.51.100.4", protocol: "https" as const, stamped: false }, secure: false },
  ])("session cookie Secure: $secure for $name", async ({ client, secure }) => {
    const response = await signUp("cookie@example.test", "correct horse battery", client);
    expect(response.status).toBe(200);
    const cookies = response.headers.getSetCookie();
    const session = cookies.find((cookie) => cookie.includes("session_token="));
    expect(session).toBeDefined();
    expect(/;\s*secure/i.test(session ?? "")).toBe(secure);
  });
});
