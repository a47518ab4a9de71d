// `import …`: send the file to POST /api/imports as its raw bytes and print
// the preview (with --dry-run) or what was imported. Notes and CSV answer at
// once; an Anki package becomes a job on the server, followed here (its
// progress on stderr) until it ends.
import { basename } from "node:path";
import { callApi, parseJsonBytes, sendBytes, type FetchLike } from "./api-client";
import type { CliConfig } from "./config";
import { EXIT } from "./exit-codes";
import type { ImportCommand } from "./import-args";
import { ImportJobReplySchema, ImportReplySchema, progressLine, renderImport, type ImportJobReply } from "./import-render";
import { renderFailure, type Outcome } from "./render";

type Context = {
  fetch: FetchLike;
  config: CliConfig;
  readBytes: (path: string) => Promise<Uint8Array>;
  newId: () => string;
  sleep: (ms: number) => Promise<void>;
  /** Progress lines, printed as they come (stderr). */
  progress: (line: string) => void;
};

/** How often a running job is asked about. */
const POLL_MS = 500;
/** How long a job is followed before the command gives up (the import carries on on the server). */
const FOLLOW_MS = 30 * 60 * 1000;

export async function runImportCommand(command: ImportCommand, context: Context): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await context.readBytes(command.file);
  } catch (error) {
    return { out: [], err: [`error: cannot read ${command.file}: ${error instanceof Error ? error.message : String(error)}`], exitCode: EXIT.usage };
  }
  // The id makes the upload of a package a job once, however often it is sent.
  const query = new URLSearchParams({ filename: basename(command.file), id: context.newId() });
  if (command.module) query.set("module", command.module);
  if (command.title) query.set("title", command.title);
  if (command.format) query.set("format", command.format);
  if (command.dryRun) query.set("dryRun", "1");
  const reply = await sendBytes(context.fetch, context.config, "POST", `/api/imports?${query}`, bytes);
  if (reply.kind !== "bytes") return renderFailure(reply);
  const body = parseJsonBytes(reply.bytes);
  const job = ImportJobReplySchema.safeParse(body);
  if (job.success) return follow(job.data, context);
  const parsed = ImportReplySchema.safeParse(body);
  if (!parsed.success) return renderFailure({ kind: "reply", status: 200, body: "reply not understood (import)" });
  return renderImport(parsed.data, context.config.url);
}

/** Polls the job until it ends, printing each new progress line; then the same report as a text import's. */
async function follow(start: ImportJobReply, context: Context): Promise<Outcome> {
  let job = start;
  let shown = "";
  for (let waited = 0; job.status === "UPLOADING" || job.status === "QUEUED" || job.status === "RUNNING"; waited += POLL_MS) {
    const line = progressLine(job);
    if (line !== shown) {
      shown = line;
      context.progress(line);
    }
    if (waited >= FOLLOW_MS) {
      return {
        out: [],
        err: [`error: the import is still running after ${FOLLOW_MS / 60_000} min; see ${context.config.url}${job.location}`],
        exitCode: EXIT.unavailable,
      };
    }
    await context.sleep(POLL_MS);
    const poll = await callApi(context.fetch, context.config, { method: "GET", path: job.location });
    // A missed poll is tried again: the job runs on the server regardless.
    if (poll.kind === "unreachable") continue;
    const parsed = poll.status === 200 ? ImportJobReplySchema.safeParse(poll.body) : null;
    if (!parsed?.success) return renderFailure(poll);
    job = parsed.data;
  }
  if (job.status === "FAILED" || !job.result) return { out: [], err: [`error: ${job.error ?? "the import stopped without a result"}`], exitCode: EXIT.usage };
  return renderImport(job.result, context.config.url);
}
