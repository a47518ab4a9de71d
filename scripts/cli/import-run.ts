// `import …`: send the file to POST /api/imports as its raw bytes and print
// the preview (with --dry-run) or what was imported.
import { basename } from "node:path";
import { parseJsonBytes, sendBytes, type FetchLike } from "./api-client";
import type { CliConfig } from "./config";
import { EXIT } from "./exit-codes";
import type { ImportCommand } from "./import-args";
import { ImportReplySchema, renderImport } from "./import-render";
import { renderFailure, type Outcome } from "./render";

type Context = { fetch: FetchLike; config: CliConfig; readBytes: (path: string) => Promise<Uint8Array> };

export async function runImportCommand(command: ImportCommand, context: Context): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await context.readBytes(command.file);
  } catch (error) {
    return { out: [], err: [`error: cannot read ${command.file}: ${error instanceof Error ? error.message : String(error)}`], exitCode: EXIT.usage };
  }
  const query = new URLSearchParams({ module: command.module, filename: basename(command.file) });
  if (command.title) query.set("title", command.title);
  if (command.format) query.set("format", command.format);
  if (command.dryRun) query.set("dryRun", "1");
  const reply = await sendBytes(context.fetch, context.config, "POST", `/api/imports?${query}`, bytes);
  if (reply.kind !== "bytes") return renderFailure(reply);
  const parsed = ImportReplySchema.safeParse(parseJsonBytes(reply.bytes));
  if (!parsed.success) return renderFailure({ kind: "reply", status: 200, body: "reply not understood (import)" });
  return renderImport(parsed.data, context.config.url);
}
