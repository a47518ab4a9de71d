// Where the CLI talks to and as whom: RESIDUAL_URL and RESIDUAL_TOKEN (or
// --token), read once and validated here.
import { z } from "zod";

export const DEFAULT_URL = "http://localhost:3000";

const TOKEN_HELP =
  "Set RESIDUAL_TOKEN or pass --token <token>. Create a token in Settings, or with " + "`npm run token:create -- --email you@example.com --name laptop`.";

export const CliConfigSchema = z.object({
  url: z
    .url({ protocol: /^https?$/, error: "RESIDUAL_URL must be an http(s) URL, e.g. http://localhost:3000" })
    .transform((url) => url.replace(/\/+$/, ""))
    .describe("Base URL of the Residual server, without a trailing slash."),
  token: z
    .string({ error: `No API token. ${TOKEN_HELP}` })
    .trim()
    .min(1, `The API token is empty. ${TOKEN_HELP}`)
    .describe("API token sent as `Authorization: Bearer <token>`."),
});

export type CliConfig = z.infer<typeof CliConfigSchema>;

export type ConfigResult = { ok: true; config: CliConfig } | { ok: false; message: string };

/** The config from the environment; `tokenFlag` (from --token) wins over RESIDUAL_TOKEN. Empty RESIDUAL_URL means the default. */
export function loadConfig(env: Readonly<Record<string, string | undefined>>, tokenFlag?: string): ConfigResult {
  const parsed = CliConfigSchema.safeParse({ url: env.RESIDUAL_URL || DEFAULT_URL, token: tokenFlag ?? env.RESIDUAL_TOKEN });
  if (parsed.success) return { ok: true, config: parsed.data };
  return { ok: false, message: parsed.error.issues.map((issue) => issue.message).join("\n") };
}
