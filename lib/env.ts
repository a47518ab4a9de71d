// The one place environment variables are read. Parsed once, validated with zod.
import { z } from "zod";
import { parseAddressList, type AddressList } from "./http/ip-address";

const EnvSchema = z.object({
  DATABASE_URL: z.string().url().describe("Postgres connection string. Set by scripts/dev.ts and scripts/start.ts when an embedded Postgres is used."),
  BETTER_AUTH_SECRET: z.string().min(32).describe("Secret that signs session cookies. scripts/dev.ts generates and keeps one in .data/ when unset."),
  BETTER_AUTH_URL: z
    .string()
    .url()
    .default("http://localhost:3000")
    .describe("Public base URL of the app, used by the auth library for redirects and CSRF checks."),
  BETTER_AUTH_TRUSTED_ORIGINS: z
    .string()
    .default("")
    .transform((list) =>
      list
        .split(",")
        .map((o) => o.trim())
        .filter(Boolean),
    )
    .describe("Extra origins allowed to sign in, comma-separated (scripts/dev.ts adds the 127.0.0.1 twin of localhost)."),
  AUTH_SIGN_UPS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(10)
    .describe("Sign-ups allowed per client address per minute (browser tests, all from one address, raise it)."),
  AUTH_SIGN_INS_PER_MINUTE: z.coerce
    .number()
    .int()
    .min(1)
    .max(10_000)
    .default(10)
    .describe("Sign-in attempts allowed per client address per minute, whatever the account."),
  LAB_STALE_JOB_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(120)
    .describe(
      "Lab workers: a RUNNING submission untouched this long is presumed orphaned (its worker died) and queued again. " +
        "Keep it well above the longest grading (well under a minute), or a slow job is graded twice.",
    ),
  IMPORT_STALE_JOB_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(86_400)
    .default(60)
    .describe(
      "Import workers: a RUNNING import whose heartbeat (moved every 10 s by its worker) is this old is presumed orphaned and queued again. " +
        "Keep it well above 10 s.",
    ),
  TRUSTED_PROXIES: z
    .string()
    .default("")
    .transform((list, ctx): AddressList => {
      try {
        return parseAddressList(list);
      } catch (error) {
        ctx.addIssue({ code: "custom", message: error instanceof Error ? error.message : String(error) });
        return z.NEVER;
      }
    })
    .describe(
      "Reverse proxies whose X-Forwarded-For/-Proto/-Host are believed, as addresses or CIDR ranges, comma-separated " +
        "(e.g. `127.0.0.1,10.0.0.0/8`). Empty (the default): the socket's peer is the client and forwarding headers are ignored.",
    ),
  TLS_CERT_FILE: z.string().min(1).optional().describe("PEM certificate chain: with TLS_KEY_FILE, the app server speaks https itself."),
  TLS_KEY_FILE: z.string().min(1).optional().describe("PEM private key for TLS_CERT_FILE."),
  RESIDUAL_EDGE_TOKEN: z
    .string()
    .min(16)
    .optional()
    .describe("Set by the app server for its own process (never by hand): marks requests whose forwarding headers it rewrote."),
  RESIDUAL_EVENT_LOOP_FILE: z
    .string()
    .min(1)
    .optional()
    .describe("Benchmarks only: the server appends its event-loop delay and memory to this file every 100 ms (see lib/monitoring/event-loop-probe.ts)."),
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
});

export type Env = z.infer<typeof EnvSchema>;

let cached: Env | undefined;

/** The validated environment; throws a readable error naming each bad variable. */
export function env(): Env {
  if (cached) return cached;
  const parsed = EnvSchema.safeParse(process.env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  cached = parsed.data;
  return cached;
}

const ReferenceEnvSchema = z.object({
  REFERENCE_REQUIRE_BACKEND: z
    .enum(["node", "wasm", "cpu"])
    .optional()
    .describe(
      "Runs the lab reference on this tfjs backend only: when it cannot start, grading fails with the reason instead of falling back " +
        "(CI sets `node` after `npm run install:tfjs-node`, so the lab tests run on the native backend). Unset: node, then wasm, then cpu, chosen per job size.",
    ),
});

export type ReferenceEnv = z.infer<typeof ReferenceEnvSchema>;

/** The reference backend's settings alone, so the grader and its tests need no database settings. */
export function referenceEnv(): ReferenceEnv {
  const parsed = ReferenceEnvSchema.safeParse(process.env);
  if (!parsed.success) throw new Error(`Invalid environment: REFERENCE_REQUIRE_BACKEND must be node, wasm or cpu`);
  return parsed.data;
}
