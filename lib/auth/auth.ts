// The better-auth instance: email + password accounts, database sessions
// (so they survive a restart), Prisma adapter on the shared client. Rate
// limits are not better-auth's (in memory, keyed by a header anyone can set)
// but lib/auth/auth-request.ts's, counted in Postgres.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db/client";
import { env } from "../env";
import { onboardUser } from "../accounts/onboard";
import { passwordRulePlugin, secureCookiesPlugin } from "./auth-plugins";
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from "./password-rule";

function createAuth() {
  const { BETTER_AUTH_SECRET, BETTER_AUTH_URL, BETTER_AUTH_TRUSTED_ORIGINS } = env();
  return betterAuth({
    secret: BETTER_AUTH_SECRET,
    baseURL: BETTER_AUTH_URL,
    trustedOrigins: BETTER_AUTH_TRUSTED_ORIGINS,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: {
      enabled: true,
      minPasswordLength: PASSWORD_MIN_LENGTH,
      maxPasswordLength: PASSWORD_MAX_LENGTH,
      autoSignIn: true,
    },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    rateLimit: { enabled: false },
    databaseHooks: {
      user: {
        create: {
          after: async (user) => {
            await onboardUser(db(), user.id, user.createdAt);
          },
        },
      },
    },
    // nextCookies must stay last: it copies the cookies the others settled on.
    plugins: [passwordRulePlugin(), secureCookiesPlugin(), nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { residualAuth?: Auth };

/** The process-wide auth instance, created on first use (after env is available). */
export function auth(): Auth {
  globalForAuth.residualAuth ??= createAuth();
  return globalForAuth.residualAuth;
}
