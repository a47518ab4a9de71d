// `presets` / `preset …`: GET /api/presets, and PATCH /api/modules/{slug}/study with the preset's id;
// when the server says the module's retention changed, the reschedule command that matches its cards to it.
import { z } from "zod";
import { callApi, type FetchLike } from "./api-client";
import type { CliConfig } from "./config";
import { EXIT } from "./exit-codes";
import type { PresetCommand } from "./preset-args";
import { renderFailure, type Outcome } from "./render";
import { rescheduleHint } from "./reschedule-args";

type Context = { fetch: FetchLike; config: CliConfig };

const OptionsSchema = z.object({
  desiredRetention: z.number(),
  newCardsPerDay: z.number(),
  maximumReviewsPerDay: z.number(),
  learningStepsMinutes: z.array(z.number()),
  reviewOrder: z.string(),
  newCardMix: z.string(),
});
const PresetsReplySchema = z.object({
  defaults: OptionsSchema,
  presets: z.array(OptionsSchema.extend({ id: z.string(), name: z.string(), modules: z.number() })),
});
const StudyReplySchema = z.object({ rescheduleReason: z.enum(["RETENTION"]).nullable() });
type Options = z.infer<typeof OptionsSchema>;

function describe(o: Options): string {
  const steps = o.learningStepsMinutes.map((m) => `${m}m`).join(" ") || "none";
  return `retention ${Math.round(o.desiredRetention * 100)}%, ${o.newCardsPerDay} new / ${o.maximumReviewsPerDay} reviews a day, steps ${steps}, ${o.reviewOrder.toLowerCase()} order, new ${o.newCardMix.toLowerCase()}`;
}

export async function runPresetCommand(command: PresetCommand, context: Context): Promise<Outcome> {
  const reply = await callApi(context.fetch, context.config, { method: "GET", path: "/api/presets" });
  if (reply.kind === "unreachable" || reply.status !== 200) return renderFailure(reply);
  const parsed = PresetsReplySchema.safeParse(reply.body);
  if (!parsed.success) return renderFailure({ kind: "reply", status: 200, body: "reply not understood" });
  const { defaults, presets } = parsed.data;
  if (command.kind === "list") {
    const lines = [`default (your settings): ${describe(defaults)}`];
    for (const p of presets) lines.push(`${p.name} (${p.modules} module${p.modules === 1 ? "" : "s"}): ${describe(p)}`);
    return { out: lines, err: [], exitCode: EXIT.ok };
  }
  const wanted = command.preset.toLowerCase();
  const preset = wanted === "default" ? null : presets.find((p) => p.name.toLowerCase() === wanted);
  if (preset === undefined) {
    return { out: [], err: [`error: you have no preset called "${command.preset}" (see \`presets\`)`], exitCode: EXIT.usage };
  }
  const set = await callApi(context.fetch, context.config, {
    method: "PATCH",
    path: `/api/modules/${command.module}/study`,
    body: { presetId: preset?.id ?? null },
  });
  if (set.kind === "unreachable" || set.status !== 200) return renderFailure(set);
  const saved = StudyReplySchema.safeParse(set.body);
  if (!saved.success) return renderFailure({ kind: "reply", status: 200, body: "reply not understood" });
  const reason = saved.data.rescheduleReason;
  return {
    out: [`${command.module} now follows ${preset ? preset.name : "your settings"}`, ...(reason ? [rescheduleHint(reason)] : [])],
    err: [],
    exitCode: EXIT.ok,
  };
}
