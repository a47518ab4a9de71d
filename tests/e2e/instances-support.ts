// Helpers for the several-instances test: the course seeded with the real
// seed script, accounts made through the app (signed up on one instance,
// token made on the other with the session cookie), a correct LayerNorm lab
// output computed from the downloaded inputs, and row counts read straight
// from Postgres.
import { spawn } from "node:child_process";
import { join } from "node:path";
import pg from "pg";
import { sendWithFailover } from "../../bench/support/failover";
import { postJson, sessionCookie } from "./auth-support";

export type Account = { email: string; userId: string; token: string };

/** `npm run db:seed` against `databaseUrl`, as a deployment runs it once. */
export function seedCourse(databaseUrl: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", join(process.cwd(), "scripts", "seed.ts")], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let errors = "";
    child.stderr?.on("data", (chunk: Buffer) => (errors += chunk.toString()));
    child.on("error", reject);
    child.on("close", (code) => (code === 0 ? resolve() : reject(new Error(`db:seed exited ${code}: ${errors.slice(-1_000)}`))));
  });
}

/** Signs up on `signUpOn`, then creates an API token on `tokenOn` with the session cookie the first instance set. */
export async function createAccount(signUpOn: string, tokenOn: string, name: string): Promise<Account> {
  const email = `${name}-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.test`;
  const signedUp = await postJson(signUpOn, "/api/auth/sign-up/email", { email, password: "correct horse battery", name }, { from: "127.0.0.1" });
  const cookie = sessionCookie(signedUp)?.split(";")[0];
  const userId = (signedUp.body as { user?: { id?: string } }).user?.id;
  if (signedUp.status !== 200 || !cookie || !userId) throw new Error(`sign-up of ${email} answered ${signedUp.status}: ${JSON.stringify(signedUp.body)}`);
  const made = await postJson(tokenOn, "/api/tokens", { name: "instances test" }, { from: "127.0.0.1", headers: { cookie } });
  const token = (made.body as { secret?: string }).secret;
  if (made.status !== 201 || !token) throw new Error(`token for ${email} on ${tokenOn} answered ${made.status}: ${JSON.stringify(made.body)}`);
  return { email, userId, token };
}

export const bearer = (account: Account) => ({ authorization: `Bearer ${account.token}` });

/** The card ids of `account`'s queue today. */
export async function queueCardIds(bases: readonly string[], account: Account): Promise<string[]> {
  const reply = await sendWithFailover(bases, 0, { method: "GET", path: "/api/queue", headers: bearer(account) });
  if (reply.status !== 200) throw new Error(`GET /api/queue answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  return (JSON.parse(reply.body) as { cards: { cardId: string }[] }).cards.map((card) => card.cardId);
}

type Tensor = { shape: number[]; data: number[] };

/** A correct `layernorm-forward` output for `seed` as JSON `{ shape, data }`, computed from the lab's downloaded inputs.json. */
export async function layerNormOutput(bases: readonly string[], account: Account, seed: number): Promise<string> {
  const reply = await sendWithFailover(bases, 0, { method: "GET", path: `/api/labs/layernorm-forward/inputs.json?seed=${seed}`, headers: bearer(account) });
  if (reply.status !== 200) throw new Error(`inputs.json answered ${reply.status}: ${reply.body.slice(0, 300)}`);
  const { inputs } = JSON.parse(reply.body) as { inputs: { x: Tensor; gamma: Tensor; beta: Tensor } };
  const [rows = 0, width = 0] = inputs.x.shape;
  const out: number[] = [];
  for (let r = 0; r < rows; r++) {
    const row = inputs.x.data.slice(r * width, (r + 1) * width);
    const mean = row.reduce((a, b) => a + b, 0) / width;
    const variance = row.reduce((a, b) => a + (b - mean) ** 2, 0) / width;
    for (const [c, v] of row.entries()) out.push(((inputs.gamma.data[c] ?? 0) * (v - mean)) / Math.sqrt(variance + 1e-5) + (inputs.beta.data[c] ?? 0));
  }
  return JSON.stringify({ shape: [rows, width], data: out });
}

/** Runs `work` with a connection to `databaseUrl`, closed afterwards. */
export async function withDatabase<T>(databaseUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** How many rows of `table` (review_log, exercise_attempt, lab_submission) carry each id, for the given users. */
export async function rowsPerId(
  client: pg.Client,
  table: "review_log" | "exercise_attempt" | "lab_submission",
  userIds: readonly string[],
): Promise<Map<string, number>> {
  const found = await client.query<{ id: string; rows: number }>(
    `SELECT id::text AS id, count(*)::int AS rows FROM ${table} WHERE "userId" = ANY($1) GROUP BY id`,
    [userIds],
  );
  return new Map(found.rows.map((row) => [row.id, row.rows]));
}

/** Resolves once `check` holds; throws `message` after `timeoutMs`. */
export async function waitFor(check: () => Promise<boolean>, timeoutMs: number, message: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(message);
    await new Promise((done) => setTimeout(done, 100));
  }
}
