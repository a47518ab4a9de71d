// The CLI as a function of its arguments and its surroundings (environment,
// fetch, file reading, ids, output), so tests drive it without a server.
import { z } from "zod";
import { callApi, type ApiRequest, type FetchLike } from "./api-client";
import { parseCommand, USAGE, type Command } from "./args";
import { loadConfig } from "./config";
import { EXIT, type ExitCode } from "./exit-codes";
import { runExportCommand } from "./export-run";
import { runImportCommand } from "./import-run";
import { NODE_LAB_DEPS, runLabCommand, type LabDeps } from "./lab-run";
import { runPresetCommand } from "./preset-run";
import { runRescheduleCommand } from "./reschedule-run";
import { runDayBalanceCommand } from "./day-balance-run";
import { renderExercises, renderFailure, renderGrade, renderHistory, renderReveal, renderVariant, type Outcome } from "./render";
import { ExercisesReplySchema, GradeReplySchema, HistoryReplySchema, RevealReplySchema, StatsReplySchema, VariantReplySchema } from "./responses";
import { renderStats } from "./stats-render";

export type CliDeps = {
  env: Readonly<Record<string, string | undefined>>;
  fetch: FetchLike;
  readFile: (path: string) => Promise<string>;
  newId: () => string;
  out: (line: string) => void;
  err: (line: string) => void;
  /** Files and timers for `lab` and `import` commands; the real ones when absent. */
  lab?: LabDeps;
};

const AnswersFileSchema = z
  .record(z.string(), z.union([z.string(), z.number()]).transform(String))
  .describe("Answers file: a JSON object of step key → typed answer text.");

type GradeCommand = Extract<Command, { kind: "grade" }>;

/** Runs one CLI invocation; `argv` excludes the node and script paths. Never throws. */
export async function runCli(argv: readonly string[], deps: CliDeps): Promise<ExitCode> {
  const outcome = await outcomeOf(argv, deps);
  for (const line of outcome.out) deps.out(line);
  for (const line of outcome.err) deps.err(line);
  return outcome.exitCode;
}

async function outcomeOf(argv: readonly string[], deps: CliDeps): Promise<Outcome> {
  const parsed = parseCommand(argv);
  if (!parsed.ok) return usageError(parsed.message);
  const command = parsed.command;
  if (command.kind === "help") return { out: USAGE.split("\n"), err: [], exitCode: EXIT.ok };

  const config = loadConfig(deps.env, command.token);
  if (!config.ok) return usageError(config.message, false);

  if (command.kind === "lab") {
    return runLabCommand(command.lab, { fetch: deps.fetch, config: config.config, newId: deps.newId, files: deps.lab ?? NODE_LAB_DEPS });
  }
  if (command.kind === "import") {
    const files = deps.lab ?? NODE_LAB_DEPS;
    return runImportCommand(command.import, {
      fetch: deps.fetch,
      config: config.config,
      readBytes: files.readBytes,
      newId: deps.newId,
      sleep: files.sleep,
      progress: deps.err,
    });
  }
  if (command.kind === "export") {
    return runExportCommand(command.export, { fetch: deps.fetch, config: config.config, writeBytes: (deps.lab ?? NODE_LAB_DEPS).writeBytes });
  }
  if (command.kind === "preset") return runPresetCommand(command.preset, { fetch: deps.fetch, config: config.config });
  if (command.kind === "reschedule") return runRescheduleCommand(command.reschedule, { fetch: deps.fetch, config: config.config, newId: deps.newId });
  if (command.kind === "easy-days") return runDayBalanceCommand(command.easyDays, { fetch: deps.fetch, config: config.config });
  let request: ApiRequest;
  if (command.kind === "grade") {
    const fileAnswers = command.answersFile === undefined ? {} : await readAnswersFile(command.answersFile, deps);
    if (typeof fileAnswers === "string") return usageError(fileAnswers, false);
    request = gradeRequest(command, fileAnswers, deps.newId());
  } else if (command.kind === "reveal") {
    request = { method: "POST", path: `/api/exercises/${encodeURIComponent(command.slug)}/reveal`, body: { seed: command.seed } };
  } else if (command.kind === "history" || command.kind === "stats") {
    request = { method: "GET", path: `/api/exercises/${encodeURIComponent(command.slug)}/${command.kind}` };
  } else request = command.kind === "show" ? variantRequest(command.slug, command.seed) : { method: "GET", path: "/api/exercises" };

  const reply = await callApi(deps.fetch, config.config, request);
  if (reply.kind === "unreachable" || reply.status < 200 || reply.status >= 300) return renderFailure(reply);
  if (command.kind === "grade") return renderWith(GradeReplySchema, reply.body, renderGrade);
  if (command.kind === "show") return renderWith(VariantReplySchema, reply.body, renderVariant);
  if (command.kind === "reveal") return renderWith(RevealReplySchema, reply.body, renderReveal);
  if (command.kind === "history") return renderWith(HistoryReplySchema, reply.body, renderHistory);
  if (command.kind === "stats") return renderWith(StatsReplySchema, reply.body, renderStats);
  return renderWith(ExercisesReplySchema, reply.body, renderExercises);
}

/** A 2xx body in the expected shape, rendered; any other shape is a server problem (exit 3). */
function renderWith<T>(schema: z.ZodType<T>, body: unknown, render: (reply: T) => Outcome): Outcome {
  const parsed = schema.safeParse(body);
  if (parsed.success) return render(parsed.data);
  const issue = parsed.error.issues[0];
  return renderFailure({ kind: "reply", status: 200, body: `reply not understood (${issue ? `${issue.path.join(".")}: ${issue.message}` : "bad shape"})` });
}

/** POST /api/grade for `command`; answers given as step=answer override the file's. */
export function gradeRequest(command: GradeCommand, fileAnswers: Record<string, string>, id: string): ApiRequest {
  return {
    method: "POST",
    path: "/api/grade",
    body: { exercise: command.slug, seed: command.seed, answers: { ...fileAnswers, ...command.answers }, id },
  };
}

export function variantRequest(slug: string, seed: number | undefined): ApiRequest {
  return { method: "GET", path: `/api/exercises/${encodeURIComponent(slug)}${seed === undefined ? "" : `?seed=${seed}`}` };
}

/** The file's answers, or a message saying what is wrong with it. */
async function readAnswersFile(path: string, deps: CliDeps): Promise<Record<string, string> | string> {
  let text: string;
  try {
    text = await deps.readFile(path);
  } catch (error) {
    return `cannot read the answers file ${path}: ${error instanceof Error ? error.message : String(error)}`;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return `the answers file ${path} is not JSON: ${error instanceof Error ? error.message : String(error)}`;
  }
  const parsed = AnswersFileSchema.safeParse(json);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  return `the answers file ${path} must be { "step": "answer text" }${issue ? ` (${issue.path.join(".") || "root"}: ${issue.message})` : ""}`;
}

function usageError(message: string, withUsage = true): Outcome {
  return { out: [], err: [`error: ${message}`, ...(withUsage ? ["", USAGE] : [])], exitCode: EXIT.usage };
}
