// `easy-days …`: GET /api/settings, and PATCH /api/settings with the weekdays' loads and load balancing;
// when the server says the change calls for a reschedule, the command that does it.
import { z } from "zod";
import { callApi, type FetchLike } from "./api-client";
import type { CliConfig } from "./config";
import { type DayBalanceCommand, WEEKDAY_NAMES } from "./day-balance-args";
import { EXIT } from "./exit-codes";
import { renderFailure, type Outcome } from "./render";
import { rescheduleHint } from "./reschedule-args";

type Context = { fetch: FetchLike; config: CliConfig };

const SettingsReplySchema = z.object({
  loadBalancing: z.boolean(),
  easyDays: z.array(z.number()).length(7),
  rescheduleReason: z.enum(["RETENTION", "BALANCING"]).nullable().optional(),
});
type DayBalance = z.infer<typeof SettingsReplySchema>;

function describe(settings: DayBalance): string[] {
  return [
    `load balancing: ${settings.loadBalancing ? "on" : "off"}`,
    `easy days: ${WEEKDAY_NAMES.map((day, i) => `${day} ${settings.easyDays[i]}%`).join(", ")}`,
  ];
}

export async function runDayBalanceCommand(command: DayBalanceCommand, context: Context): Promise<Outcome> {
  const reply = await callApi(context.fetch, context.config, { method: "GET", path: "/api/settings" });
  if (reply.kind === "unreachable" || reply.status !== 200) return renderFailure(reply);
  const current = SettingsReplySchema.safeParse(reply.body);
  if (!current.success) return renderFailure({ kind: "reply", status: 200, body: "reply not understood" });
  const changes = Object.entries(command.days);
  if (changes.length === 0 && command.loadBalancing === undefined) return { out: describe(current.data), err: [], exitCode: EXIT.ok };
  const easyDays = current.data.easyDays.map((percent, i) => command.days[i] ?? percent);
  const body = { easyDays, ...(command.loadBalancing === undefined ? {} : { loadBalancing: command.loadBalancing }) };
  const set = await callApi(context.fetch, context.config, { method: "PATCH", path: "/api/settings", body });
  if (set.kind === "unreachable" || set.status !== 200) return renderFailure(set);
  const saved = SettingsReplySchema.safeParse(set.body);
  if (!saved.success) return renderFailure({ kind: "reply", status: 200, body: "reply not understood" });
  const reason = saved.data.rescheduleReason;
  return { out: [...describe(saved.data), ...(reason ? [rescheduleHint(reason)] : [])], err: [], exitCode: EXIT.ok };
}
