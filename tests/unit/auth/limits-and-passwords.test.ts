import { describe, expect, it } from "vitest";
import { accountBackoffMessage, addressLimitMessage, authLimitRule } from "@/lib/auth/auth-limits";
import { passwordProblem } from "@/lib/auth/password-policy";
import { backoffRemainingMs, backoffWaitMs, backoffWaitTable, decideWindow, describeWait } from "@/lib/rate-limits/policy";

const NOW = new Date("2026-12-02T12:00:00Z");
const at = (secondsAgo: number) => new Date(NOW.getTime() - secondsAgo * 1000);
const RULE = { name: "sign-in", max: 10, windowMs: 60_000 };

describe("decideWindow", () => {
  it.each([
    { name: "first hit", hits: 1, startedSecondsAgo: 0, expected: { allowed: true } },
    { name: "the last allowed hit", hits: 10, startedSecondsAgo: 30, expected: { allowed: true } },
    { name: "one over, 30 s left", hits: 11, startedSecondsAgo: 30, expected: { allowed: false, retryAfterMs: 30_000 } },
    { name: "far over, 59.5 s in: at least a second", hits: 500, startedSecondsAgo: 59.5, expected: { allowed: false, retryAfterMs: 1000 } },
  ])("$name", ({ hits, startedSecondsAgo, expected }) => {
    expect(decideWindow({ hits, windowStart: at(startedSecondsAgo) }, RULE, NOW)).toEqual(expected);
  });
});

describe("sign-in backoff", () => {
  it.each([
    { failures: 1, minutes: 0 },
    { failures: 4, minutes: 0 },
    { failures: 5, minutes: 1 },
    { failures: 6, minutes: 2 },
    { failures: 7, minutes: 4 },
    { failures: 8, minutes: 8 },
    { failures: 9, minutes: 15 },
    { failures: 200, minutes: 15 },
  ])("after $failures failures: $minutes min", ({ failures, minutes }) => {
    expect(backoffWaitMs(failures)).toBe(minutes * 60_000);
  });

  it("gives the SQL a table ending at the cap", () => {
    expect(backoffWaitTable().map((ms) => ms / 60_000)).toEqual([0, 0, 0, 0, 1, 2, 4, 8, 15]);
  });

  it.each([
    { name: "below the threshold", failures: 3, lastSecondsAgo: 0, expected: 0 },
    { name: "fifth failure just now", failures: 5, lastSecondsAgo: 0, expected: 60_000 },
    { name: "sixth, 30 s ago", failures: 6, lastSecondsAgo: 30, expected: 90_000 },
    { name: "wait over", failures: 6, lastSecondsAgo: 121, expected: 0 },
  ])("remaining: $name", ({ failures, lastSecondsAgo, expected }) => {
    expect(backoffRemainingMs({ failures, lastFailureAt: at(lastSecondsAgo) }, NOW)).toBe(expected);
  });
});

describe("messages", () => {
  it.each([
    { ms: 400, text: "1 second" },
    { ms: 40_000, text: "40 seconds" },
    { ms: 59_001, text: "1 minute" },
    { ms: 60_000, text: "1 minute" },
    { ms: 90_000, text: "2 minutes" },
  ])("$ms ms reads as $text", ({ ms, text }) => {
    expect(describeWait(ms)).toBe(text);
  });

  it("names the account and the wait", () => {
    expect(accountBackoffMessage("2 minutes")).toBe("Too many sign-in attempts for this account; try again in 2 minutes.");
    expect(addressLimitMessage(RULE, "40 seconds")).toBe("Too many sign-in attempts from your network; try again in 40 seconds.");
  });
});

describe("authLimitRule", () => {
  const settings = { signUpsPerMinute: 10, signInsPerMinute: 12 };
  it.each([
    { path: "/sign-up/email", expected: { name: "sign-up", max: 10, windowMs: 60_000 } },
    { path: "/sign-in/email", expected: { name: "sign-in", max: 12, windowMs: 60_000 } },
    { path: "/change-password", expected: { name: "account", max: 10, windowMs: 60_000 } },
    { path: "/reset-password", expected: { name: "account", max: 10, windowMs: 60_000 } },
    { path: "/get-session", expected: null },
    { path: "/sign-out", expected: null },
  ])("$path", ({ path, expected }) => {
    expect(authLimitRule(path, settings)).toEqual(expected);
  });
});

describe("passwordProblem", () => {
  it.each([
    { name: "eight spaces", password: "        ", code: "PASSWORD_BLANK" },
    { name: "tabs and newlines", password: "\t\t\n\n    ", code: "PASSWORD_BLANK" },
    { name: "12345678", password: "12345678", code: "PASSWORD_TOO_COMMON" },
    { name: "password1", password: "password1", code: "PASSWORD_TOO_COMMON" },
    { name: "PASSWORD in capitals", password: "PASSWORD", code: "PASSWORD_TOO_COMMON" },
    { name: "qwertyuiop with spaces around", password: "  qwertyuiop  ", code: "PASSWORD_TOO_COMMON" },
    { name: "iloveyou", password: "iloveyou", code: "PASSWORD_TOO_COMMON" },
  ])("refuses $name", ({ password, code }) => {
    expect(passwordProblem(password)?.code).toBe(code);
  });

  it.each([
    { name: "a passphrase", password: "correct horse battery" },
    { name: "a long random string", password: "k3v!Qz9#tB2w" },
    { name: "spaces inside words", password: "long enough pw" },
  ])("accepts $name", ({ password }) => {
    expect(passwordProblem(password)).toBeNull();
  });
});
