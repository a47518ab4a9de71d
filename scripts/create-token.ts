// npm run token:create -- --email you@example.com [--name laptop]
// Creates an API token for an existing account from the command line (for
// the CLI and notebooks). Uses DATABASE_URL, else the dev embedded Postgres.
import { parseArgs } from "node:util";
import { join } from "node:path";
import { z } from "zod";
import { createApiToken } from "../lib/auth/api-tokens";
import { createPrismaClient } from "../lib/db/client";
import { prepareDatabase } from "./support/prepare-database";

const ArgsSchema = z.object({
  email: z.email("--email must be the account's email address"),
  name: z.string().trim().min(1).max(80).default("command line"),
});

const { values } = parseArgs({ options: { email: { type: "string" }, name: { type: "string" } } });
const parsed = ArgsSchema.safeParse(values);
if (!parsed.success) {
  console.error(parsed.error.issues.map((i) => i.message).join("\n"));
  console.error("usage: npm run token:create -- --email you@example.com [--name laptop]");
  process.exit(2);
}

const database = await prepareDatabase({ dataDir: join(process.cwd(), ".data"), seed: false });
const prisma = createPrismaClient(database.url, 1);
try {
  const user = await prisma.user.findUnique({ where: { email: parsed.data.email } });
  if (!user) {
    console.error(`No account with email ${parsed.data.email}. Sign up in the app first.`);
    process.exitCode = 1;
  } else {
    const { secret } = await createApiToken(prisma, user.id, parsed.data.name, new Date());
    console.log(secret);
    console.error("Keep this token secret; it is shown only once. Send it as: Authorization: Bearer <token>");
  }
} finally {
  await prisma.$disconnect();
  await database.stop();
}
