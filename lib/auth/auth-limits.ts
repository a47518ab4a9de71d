// Which auth endpoints are limited per client address, and how hard. Pure:
// the numbers come in as arguments (lib/env.ts reads them).
import type { WindowRule } from "../rate-limits/policy";

export type AuthLimitSettings = { signUpsPerMinute: number; signInsPerMinute: number };

const MINUTE = 60_000;

/** Endpoints that check or set a password or send mail: 10 a minute per address, together. */
const ACCOUNT_ENDPOINTS = new Set([
  "/change-password",
  "/verify-password",
  "/delete-user",
  "/reset-password",
  "/request-password-reset",
  "/change-email",
  "/send-verification-email",
]);

/** The per-address rule for an auth endpoint path (`/sign-in/email`), or null when it is not limited. */
export function authLimitRule(path: string, settings: AuthLimitSettings): WindowRule | null {
  if (path === "/sign-up/email") return { name: "sign-up", max: settings.signUpsPerMinute, windowMs: MINUTE };
  if (path === "/sign-in/email") return { name: "sign-in", max: settings.signInsPerMinute, windowMs: MINUTE };
  if (ACCOUNT_ENDPOINTS.has(path)) return { name: "account", max: 10, windowMs: MINUTE };
  return null;
}

/** What a person is told when an address limit refuses them. */
export function addressLimitMessage(rule: WindowRule, wait: string): string {
  const what = rule.name === "sign-up" ? "accounts created" : rule.name === "sign-in" ? "sign-in attempts" : "account requests";
  return `Too many ${what} from your network; try again in ${wait}.`;
}

/** What a person is told while their account waits after failed sign-ins. */
export function accountBackoffMessage(wait: string): string {
  return `Too many sign-in attempts for this account; try again in ${wait}.`;
}
