// `export …`: GET /api/modules/{slug}/export and save the file as <slug>.zip|csv|apkg.
import { join } from "node:path";
import { sendBytes, type FetchLike } from "./api-client";
import type { CliConfig } from "./config";
import { EXIT } from "./exit-codes";
import type { ExportCommand } from "./export-args";
import { renderFailure, type Outcome } from "./render";

type Context = { fetch: FetchLike; config: CliConfig; writeBytes: (path: string, bytes: Uint8Array) => Promise<void> };

const EXTENSION = { md: "zip", csv: "csv", apkg: "apkg" } as const;

export async function runExportCommand(command: ExportCommand, context: Context): Promise<Outcome> {
  const reply = await sendBytes(context.fetch, context.config, "GET", `/api/modules/${command.slug}/export?format=${command.format}`);
  if (reply.kind !== "bytes") return renderFailure(reply);
  const file = join(command.outDir, `${command.slug}.${EXTENSION[command.format]}`);
  try {
    await context.writeBytes(file, reply.bytes);
  } catch (error) {
    return { out: [], err: [`error: cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`], exitCode: EXIT.usage };
  }
  return { out: [`saved ${file} (${reply.bytes.length} bytes)`], err: [], exitCode: EXIT.ok };
}
