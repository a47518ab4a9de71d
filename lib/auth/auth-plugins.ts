// Two better-auth plugins that run before every auth endpoint, whether it is
// reached over HTTP or called as `auth().api.*` from server code:
// - the password rule on sign-up and on every password change;
// - the Secure attribute on the auth cookies of a request that came over
//   https. better-auth decides cookie attributes once, at start-up, from
//   BETTER_AUTH_URL; this swaps in Secure copies of them for one call (the
//   before hook's `context` is that call's own copy), so a session refresh
//   from a route handler is covered as well as sign-in.
import type { BetterAuthPlugin } from "better-auth";
import { APIError, createAuthMiddleware } from "better-auth/api";
import { env } from "../env";
import { readEdgeClient } from "../http/forwarded-headers";
import { passwordProblem } from "./password-policy";

/** Endpoints that take a new password, and the body field that carries it. */
const NEW_PASSWORD_FIELDS: Record<string, string> = {
  "/sign-up/email": "password",
  "/change-password": "newPassword",
  "/reset-password": "newPassword",
  "/set-password": "newPassword",
};

/** Refuses whitespace-only and well-known new passwords with a 422 and a message for the form. */
export function passwordRulePlugin(): BetterAuthPlugin {
  return {
    id: "residual-password-rule",
    hooks: {
      before: [
        {
          matcher: (context) => context.path !== undefined && context.path in NEW_PASSWORD_FIELDS,
          handler: createAuthMiddleware(async (ctx) => {
            const field = NEW_PASSWORD_FIELDS[ctx.path];
            const body: unknown = ctx.body;
            const value = field && typeof body === "object" && body !== null ? (body as Record<string, unknown>)[field] : undefined;
            if (typeof value !== "string") return;
            const problem = passwordProblem(value);
            if (problem) throw new APIError("UNPROCESSABLE_ENTITY", { code: problem.code, message: problem.message });
          }),
        },
      ],
    },
  };
}

/** Marks this call's auth cookies Secure when the app server saw the request arrive over https. */
export function secureCookiesPlugin(): BetterAuthPlugin {
  return {
    id: "residual-secure-cookies",
    hooks: {
      before: [
        {
          matcher: () => true,
          handler: createAuthMiddleware(async (ctx) => {
            const headers = ctx.headers ?? ctx.request?.headers;
            if (!headers || readEdgeClient(headers, env().RESIDUAL_EDGE_TOKEN)?.protocol !== "https") return;
            const cookies = ctx.context.authCookies;
            if (cookies.sessionToken.attributes.secure) return;
            ctx.context.authCookies = {
              sessionToken: secure(cookies.sessionToken),
              sessionData: secure(cookies.sessionData),
              dontRememberToken: secure(cookies.dontRememberToken),
              accountData: secure(cookies.accountData),
            };
          }),
        },
      ],
    },
  };
}

function secure<C extends { name: string; attributes: object }>(cookie: C): C {
  return { ...cookie, attributes: { ...cookie.attributes, secure: true } };
}
