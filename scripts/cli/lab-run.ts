// `lab …` commands: list, show, fetch inputs to files, submit a file and wait
// for its grade. Files and sleeping come in through LabDeps so tests drive
// them; the defaults use the real file system and timers.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import type { z } from "zod";
import { callApi, parseJsonBytes, sendBytes, type FetchLike } from "./api-client";
import type { CliConfig } from "./config";
import { EXIT } from "./exit-codes";
import type { LabCommand } from "./lab-args";
import { renderLabList, renderLabView, renderSubmission } from "./lab-render";
import { LabListReplySchema, LabViewReplySchema, SubmissionReplySchema, type SubmissionReply } from "./lab-responses";
import { renderFailure, type Outcome } from "./render";

export type LabDeps = {
  readBytes: (path: string) => Promise<Uint8Array>;
  writeBytes: (path: string, bytes: Uint8Array) => Promise<void>;
  sleep: (ms: number) => Promise<void>;
};

export const NODE_LAB_DEPS: LabDeps = {
  readBytes: async (path) => new Uint8Array(await readFile(path)),
  writeBytes: async (path, bytes) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFile(path, bytes);
  },
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
};

type Context = { fetch: FetchLike; config: CliConfig; newId: () => string; files: LabDeps };

/** How often `lab submit` asks for the grade while it waits. */
const POLL_MS = 1000;
/** Tries of the upload when the server cannot be reached; the same id makes a repeat harmless. */
const UPLOAD_TRIES = 3;

export async function runLabCommand(command: LabCommand, context: Context): Promise<Outcome> {
  const { fetch, config } = context;
  if (command.kind === "lab-list") return json(await callApi(fetch, config, { method: "GET", path: "/api/labs" }), LabListReplySchema, renderLabList);
  if (command.kind === "lab-show") {
    const path = `/api/labs/${command.slug}${command.seed === undefined ? "" : `?seed=${command.seed}`}`;
    return json(await callApi(fetch, config, { method: "GET", path }), LabViewReplySchema, renderLabView);
  }
  if (command.kind === "lab-result") {
    const reply = await callApi(fetch, config, { method: "GET", path: `/api/labs/${command.slug}/submissions/${command.id}` });
    return json(reply, SubmissionReplySchema, (s) => renderSubmission(s));
  }
  if (command.kind === "lab-fetch") return fetchInputs(command, context);
  return submit(command, context);
}

async function fetchInputs(command: Extract<LabCommand, { kind: "lab-fetch" }>, context: Context): Promise<Outcome> {
  const base = `/api/labs/${command.slug}`;
  let names = ["inputs"];
  if (command.format === "npy") {
    const view = await callApi(context.fetch, context.config, { method: "GET", path: `${base}?seed=${command.seed}` });
    const parsed = view.kind === "reply" && view.status === 200 ? LabViewReplySchema.safeParse(view.body) : null;
    if (!parsed?.success) return renderFailure(view);
    names = parsed.data.inputs.map((i) => i.name);
  }
  const out: string[] = [];
  for (const name of names) {
    const path = command.format === "npy" ? `${base}/inputs/${name}.npy?seed=${command.seed}` : `${base}/inputs.${command.format}?seed=${command.seed}`;
    const reply = await sendBytes(context.fetch, context.config, "GET", path);
    if (reply.kind !== "bytes") return renderFailure(reply);
    const file = join(command.outDir, `${command.slug}-seed${command.seed}-${name}.${command.format}`);
    try {
      await context.files.writeBytes(file, reply.bytes);
    } catch (error) {
      return { out, err: [`error: cannot write ${file}: ${error instanceof Error ? error.message : String(error)}`], exitCode: EXIT.usage };
    }
    out.push(`saved ${file} (${reply.bytes.length} bytes)`);
  }
  return { out, err: [], exitCode: EXIT.ok };
}

async function submit(command: Extract<LabCommand, { kind: "lab-submit" }>, context: Context): Promise<Outcome> {
  let bytes: Uint8Array;
  try {
    bytes = await context.files.readBytes(command.file);
  } catch (error) {
    return { out: [], err: [`error: cannot read ${command.file}: ${error instanceof Error ? error.message : String(error)}`], exitCode: EXIT.usage };
  }
  const id = context.newId();
  const path = `/api/labs/${command.slug}/submissions?seed=${command.seed}&id=${id}`;
  let reply = await sendBytes(context.fetch, context.config, "POST", path, bytes);
  for (let tries = 1; reply.kind === "unreachable" && tries < UPLOAD_TRIES; tries++) {
    await context.files.sleep(POLL_MS * tries);
    reply = await sendBytes(context.fetch, context.config, "POST", path, bytes);
  }
  if (reply.kind !== "bytes") return renderFailure(reply);
  const submitted = SubmissionReplySchema.safeParse(parseJsonBytes(reply.bytes));
  if (!submitted.success) return renderFailure({ kind: "reply", status: 200, body: "reply not understood (submission)" });
  let submission: SubmissionReply = submitted.data;
  const deadline = command.timeoutSeconds * 1000;
  let waited = 0;
  while ((submission.status === "QUEUED" || submission.status === "RUNNING") && waited < deadline) {
    await context.files.sleep(POLL_MS);
    waited += POLL_MS;
    const poll = await callApi(context.fetch, context.config, { method: "GET", path: submission.url });
    // A missed poll is retried until the deadline; the grade is safe on the server.
    if (poll.kind === "unreachable") continue;
    const parsed = poll.status === 200 ? SubmissionReplySchema.safeParse(poll.body) : null;
    if (!parsed?.success) return renderFailure(poll);
    submission = parsed.data;
  }
  return renderSubmission(submission, Math.round(waited / 1000));
}

function json<T>(reply: Awaited<ReturnType<typeof callApi>>, schema: z.ZodType<T>, render: (value: T) => Outcome): Outcome {
  if (reply.kind === "unreachable" || reply.status < 200 || reply.status >= 300) return renderFailure(reply);
  const parsed = schema.safeParse(reply.body);
  if (parsed.success) return render(parsed.data);
  const issue = parsed.error.issues[0];
  return renderFailure({ kind: "reply", status: 200, body: `reply not understood (${issue ? `${issue.path.join(".")}: ${issue.message}` : "bad shape"})` });
}
