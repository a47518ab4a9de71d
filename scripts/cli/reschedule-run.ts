// `reschedule …` / `reschedules`: POST /api/reschedule (a dry run first, then the run, both with the command's reason), POST /api/reschedule/{id}/undo, GET /api/reschedule.
import { z } from "zod";
import { callApi, type FetchLike } from "./api-client";
import type { CliConfig } from "./config";
import { EXIT } from "./exit-codes";
import type { RescheduleCommand } from "./reschedule-args";
import { renderFailure, type Outcome } from "./render";

type Context = { fetch: FetchLike; config: CliConfig; newId: () => string };

const CountsSchema = z.object({
  reviewCards: z.number(),
  changed: z.number(),
  sooner: z.number(),
  later: z.number(),
  dueByTomorrow: z.object({ before: z.number(), after: z.number() }),
});
const RunSchema = z.object({
  id: z.string(),
  reason: z.string(),
  createdAt: z.string(),
  reviewCards: z.number(),
  changedCards: z.number(),
  skippedCards: z.number(),
  undoneAt: z.string().nullable(),
  restoredCards: z.number().nullable(),
  undoSkippedCards: z.number().nullable(),
});
const PreviewSchema = z.object({ asOf: z.string(), counts: CountsSchema });
const RunReplySchema = z.object({ run: RunSchema });
const ListSchema = z.object({ runs: z.array(RunSchema) });

const notUnderstood = () => renderFailure({ kind: "reply", status: 200, body: "reply not understood" });

function previewLine(c: z.infer<typeof CountsSchema>): string {
  return `${c.changed} of ${c.reviewCards} review cards would move (${c.sooner} sooner, ${c.later} later); due by the end of tomorrow: ${c.dueByTomorrow.before} → ${c.dueByTomorrow.after}`;
}

function runLine(r: z.infer<typeof RunSchema>): string {
  const undone = r.undoneAt ? `; undone: ${r.restoredCards ?? 0} put back, ${r.undoSkippedCards ?? 0} kept (reviewed since)` : "";
  return `${r.id}  ${r.createdAt.slice(0, 16).replace("T", " ")}  ${r.reason.toLowerCase()}: ${r.changedCards} of ${r.reviewCards} moved, ${r.skippedCards} left${undone}`;
}

export async function runRescheduleCommand(command: RescheduleCommand, context: Context): Promise<Outcome> {
  const { fetch, config } = context;
  if (command.kind === "list") {
    const reply = await callApi(fetch, config, { method: "GET", path: "/api/reschedule" });
    if (reply.kind === "unreachable" || reply.status !== 200) return renderFailure(reply);
    const parsed = ListSchema.safeParse(reply.body);
    if (!parsed.success) return notUnderstood();
    return { out: parsed.data.runs.length === 0 ? ["no reschedules yet"] : parsed.data.runs.map(runLine), err: [], exitCode: EXIT.ok };
  }
  if (command.kind === "undo") {
    const reply = await callApi(fetch, config, { method: "POST", path: `/api/reschedule/${command.id}/undo` });
    if (reply.kind === "unreachable" || reply.status !== 200) return renderFailure(reply);
    const parsed = RunReplySchema.safeParse(reply.body);
    if (!parsed.success) return notUnderstood();
    const { run } = parsed.data;
    return { out: [`put back ${run.restoredCards ?? 0} cards; ${run.undoSkippedCards ?? 0} reviewed since kept their new dates`], err: [], exitCode: EXIT.ok };
  }
  const id = context.newId();
  const preview = await callApi(fetch, config, { method: "POST", path: "/api/reschedule", body: { id, reason: command.reason, dryRun: true } });
  if (preview.kind === "unreachable" || preview.status !== 200) return renderFailure(preview);
  const parsedPreview = PreviewSchema.safeParse(preview.body);
  if (!parsedPreview.success) return notUnderstood();
  const lines = [previewLine(parsedPreview.data.counts)];
  if (command.dryRun || parsedPreview.data.counts.changed === 0) return { out: lines, err: [], exitCode: EXIT.ok };
  const reply = await callApi(fetch, config, { method: "POST", path: "/api/reschedule", body: { id, reason: command.reason, asOf: parsedPreview.data.asOf } });
  if (reply.kind === "unreachable" || reply.status !== 200) return renderFailure(reply);
  const parsed = RunReplySchema.safeParse(reply.body);
  if (!parsed.success) return notUnderstood();
  const { run } = parsed.data;
  lines.push(`rescheduled ${run.changedCards} cards (${run.skippedCards} reviewed meanwhile left); undo with: reschedule undo ${run.id}`);
  return { out: lines, err: [], exitCode: EXIT.ok };
}
