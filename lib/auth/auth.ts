// The better-auth instance: email + password accounts, database sessions
// (so they survive a restart), Prisma adapter on the shared client.
import { betterAuth } from "better-auth";
import { prismaAdapter } from "better-auth/adapters/prisma";
import { nextCookies } from "better-auth/next-js";
import { db } from "../db/client";
import { env } from "../env";
import { onboardUser } from "../accounts/onboard";

function createAuth() {
  const { BETTER_AUTH_SECRET, BETTER_AUTH_URL, BETTER_AUTH_TRUSTED_ORIGINS, AUTH_SIGN_UPS_PER_MINUTE } = env();
  return betterAuth({
    secret: BETTER_AUTH_SECRET,
    baseURL: BETTER_AUTH_URL,
    trustedOrigins: BETTER_AUTH_TRUSTED_ORIGINS,
    database: prismaAdapter(db(), { provider: "postgresql" }),
    emailAndPassword: { enabled: true, minPasswordLength: 8, autoSignIn: true },
    session: { expiresIn: 60 * 60 * 24 * 30, updateAge: 60 * 60 * 24 },
    telemetry: { enabled: false },
    // Per client IP, in memory per app instance. Sign-up allows a classroom or
    // office behind one address a few accounts a minute; sign-in stays tight.
    rateLimit: {
      enabled: true,
      window: 60,
      max: 100,
      customRules: {
        "/sign-up/email": { window: 60, max: AUTH_SIGN_UPS_PER_MINUTE },
        "/sign-in/email": { window: 10, max: 5 },
      },
    },
    databaseHooks: {
      user: { create: { after: async (user) => { await onboardUser(db(), user.id, user.createdAt); } } },
    },
    plugins: [nextCookies()],
  });
}

export type Auth = ReturnType<typeof createAuth>;

const globalForAuth = globalThis as unknown as { residualAuth?: Auth };

/** The process-wide auth instance, created on first use (after env is available). */
export function auth(): Auth {
  globalForAuth.residualAuth ??= createAuth();
  return globalForAuth.residualAuth;
}
