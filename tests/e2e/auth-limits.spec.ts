// The probe's findings against real servers: forged X-Forwarded-For headers,
// limits shared by two app processes on one database, the per-account backoff
// across addresses, and the Secure cookie. Requests are plain HTTP sent from
// chosen loopback addresses (127.0.0.x), so each test is its own client.
import { expect, test, type Page } from "@playwright/test";
import { PASSWORD_RULE } from "../../lib/auth/password-rule";
import { SCREENSHOT_DIR } from "./support";
import type { NextServer } from "../../bench/support/next-server";
import { freshDatabase, selfSignedCertificate, sessionAddress, sessionCookie, signIn, signUp, startServer } from "./auth-support";

const E2E_PORT = Number(process.env.E2E_PORT ?? 3100);
const MAIN = `http://127.0.0.1:${E2E_PORT}`;
const PROXY = "127.0.0.31";
const PASSWORD = "correct horse battery";

/** The form's own message (Next adds a second, empty alert: its route announcer). */
const formAlert = (page: Page) => page.locator("form").getByRole("alert");
const unique = (name: string) => `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
const forged = (i: number) => ({ "x-forwarded-for": `203.0.${Math.floor(i / 250)}.${(i % 250) + 1}` });

test("200 wrong passwords, each with a different X-Forwarded-For: 429s, and the right password is still refused", async () => {
  test.setTimeout(120_000);
  const email = unique("probe");
  expect((await signUp(MAIN, email, PASSWORD, { from: "127.0.0.21" })).status).toBe(200);
  const statuses: number[] = [];
  for (let i = 0; i < 200; i++) statuses.push((await signIn(MAIN, email, `wrong guess ${i}`, { from: "127.0.0.21", headers: forged(i) })).status);
  expect(statuses.filter((status) => status === 401)).toHaveLength(5);
  expect(statuses.filter((status) => status === 429)).toHaveLength(195);

  const right = await signIn(MAIN, email, PASSWORD, { from: "127.0.0.21", headers: forged(999) });
  expect(right.status).toBe(429);
  expect(Number(right.headers["retry-after"])).toBeGreaterThan(0);
  expect(sessionCookie(right)).toBeUndefined();
  // From a fresh address the account still waits.
  const elsewhere = await signIn(MAIN, email, PASSWORD, { from: "127.0.0.22" });
  expect(elsewhere.status).toBe(429);
  expect(elsewhere.body.message).toMatch(/^Too many sign-in attempts for this account; try again in \d+ (seconds?|minutes?)\.$/);
});

test("common and whitespace passwords are refused at sign-up with a message", async () => {
  for (const password of ["12345678", "        ", "iloveyou"]) {
    const reply = await signUp(MAIN, unique("weak"), password, { from: "127.0.0.23" });
    expect(reply.status).toBe(422);
    expect(reply.body.message).toMatch(/only spaces|most common/);
    expect(sessionCookie(reply)).toBeUndefined();
  }
});

test("the sign-up page states the password rule and says why a password is refused; sign-in says when to try again", async ({ page }) => {
  await page.goto("/sign-up");
  await expect(page.getByText(PASSWORD_RULE)).toBeVisible();
  const email = unique("form");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("12345678");
  await page.getByRole("button", { name: "Create account" }).tap();
  await expect(formAlert(page)).toContainText("one of the most common");
  await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-up-common-password.png` });
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).tap();
  await expect(page.getByTestId("due-counts")).toBeVisible();

  await page.context().clearCookies();
  await page.goto("/sign-in");
  await page.getByLabel("Email").fill(email);
  for (let i = 0; i < 6; i++) {
    await page.getByLabel("Password").fill(`not it ${i}`);
    await page.getByRole("button", { name: "Sign in" }).tap();
    await expect(formAlert(page)).toBeVisible();
  }
  await expect(formAlert(page)).toHaveText(/^Too many sign-in attempts for this account; try again in (1 minute|\d+ seconds)\.$/);
  await page.screenshot({ path: `${SCREENSHOT_DIR}/sign-in-backoff.png` });
});

test.describe("two app processes on one database, one behind a trusted proxy", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let database: Awaited<ReturnType<typeof freshDatabase>>;
  const servers: NextServer[] = [];
  let first = "";
  let second = "";
  let tls = "";

  test.beforeAll(async () => {
    test.setTimeout(180_000);
    database = await freshDatabase(E2E_PORT);
    const certificate = selfSignedCertificate();
    if (!certificate) throw new Error("openssl is needed to make a test certificate (apt-get install openssl)");
    const env = { TRUSTED_PROXIES: PROXY };
    servers.push(await startServer(E2E_PORT + 1, database.url, env));
    servers.push(await startServer(E2E_PORT + 2, database.url, env));
    servers.push(await startServer(E2E_PORT + 3, database.url, { ...env, TLS_CERT_FILE: certificate.cert, TLS_KEY_FILE: certificate.key }));
    [first, second, tls] = servers.map((server) => server.baseUrl) as [string, string, string];
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await database?.drop();
  });

  test("the per-address limit is shared by both processes, and forged X-Forwarded-For does not escape it", async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 14; i++) {
      const base = i % 2 === 0 ? first : second;
      statuses.push((await signIn(base, unique("nobody"), "not the password", { from: "127.0.0.41", headers: forged(i) })).status);
    }
    expect(statuses.slice(0, 10)).toEqual(Array.from({ length: 10 }, () => 401));
    expect(statuses.slice(10)).toEqual([429, 429, 429, 429]);
  });

  test("the trusted proxy's X-Forwarded-For is honoured: one limit per forwarded client", async () => {
    const distinct: number[] = [];
    for (let i = 0; i < 15; i++) distinct.push((await signIn(first, unique("nobody"), "not the password", { from: PROXY, headers: forged(i) })).status);
    expect(distinct.every((status) => status === 401)).toBe(true);

    const same: number[] = [];
    for (let i = 0; i < 12; i++) {
      same.push(
        (await signIn(i % 2 ? first : second, unique("nobody"), "not the password", { from: PROXY, headers: { "x-forwarded-for": "198.51.100.7" } })).status,
      );
    }
    expect(same.slice(10)).toEqual([429, 429]);

    const email = unique("proxied");
    expect((await signUp(first, email, PASSWORD, { from: PROXY, headers: { "x-forwarded-for": "198.51.100.8" } })).status).toBe(200);
    expect(await sessionAddress(database.url, email)).toBe("198.51.100.8");
    const direct = unique("direct");
    expect((await signUp(first, direct, PASSWORD, { from: "127.0.0.42", headers: { "x-forwarded-for": "198.51.100.9" } })).status).toBe(200);
    expect(await sessionAddress(database.url, direct)).toBe("127.0.0.42");
  });

  test("the per-account backoff holds across addresses and across processes", async () => {
    const email = unique("target");
    expect((await signUp(first, email, PASSWORD, { from: "127.0.0.43" })).status).toBe(200);
    const statuses: number[] = [];
    for (let i = 0; i < 12; i++) {
      statuses.push((await signIn(i % 2 ? first : second, email, `guess ${i}`, { from: PROXY, headers: forged(100 + i) })).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
    for (const base of [first, second]) {
      const right = await signIn(base, email, PASSWORD, { from: PROXY, headers: forged(200) });
      expect(right.status).toBe(429);
      expect(right.body.message).toContain("for this account");
    }
  });

  test("the session cookie is Secure only over TLS or from the trusted proxy with X-Forwarded-Proto https", async () => {
    const cases: { base: string; from: string; headers: Record<string, string>; secure: boolean }[] = [
      { base: first, from: "127.0.0.44", headers: {}, secure: false },
      { base: first, from: "127.0.0.44", headers: { "x-forwarded-proto": "https" }, secure: false },
      { base: first, from: PROXY, headers: { "x-forwarded-for": "198.51.100.10", "x-forwarded-proto": "https" }, secure: true },
      { base: first, from: PROXY, headers: { "x-forwarded-for": "198.51.100.10", "x-forwarded-proto": "http" }, secure: false },
      { base: tls, from: "127.0.0.45", headers: {}, secure: true },
    ];
    for (const { base, from, headers, secure } of cases) {
      const reply = await signUp(base, unique("cookie"), PASSWORD, { from, headers });
      expect(reply.status).toBe(200);
      const cookie = sessionCookie(reply) ?? "";
      expect({ base, from, headers, secure: /;\s*secure/i.test(cookie) }).toEqual({ base, from, headers, secure });
    }
  });
});
