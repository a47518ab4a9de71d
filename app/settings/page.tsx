import { IntentLink } from "@/app/components/intent-link";
import { db } from "@/lib/db/client";
import { listApiTokens } from "@/lib/auth/api-tokens";
import { selectUserSettings } from "@/lib/data/user-settings";
import { toSettingsView } from "@/lib/settings/settings-view";
import { requireSessionUser } from "../session-user";
import { SettingsForm } from "./settings-form";
import { ApiTokens } from "./api-tokens";
import { SuspendedCards } from "./suspended-cards";
import { PersonalParameters } from "./personal-parameters";
import { selectOptimizerStatus } from "@/lib/optimizer/optimize-weights";
import { listSuspendedCards } from "@/lib/reviews/suspension";
import { TopBar } from "@/app/components/top-bar";
import { listPresets } from "@/lib/presets/presets";
import { PresetsPanel } from "./presets-panel";
import { listRescheduleRuns } from "@/lib/reschedule/undo-reschedule";
import { RescheduleRuns } from "./reschedule-runs";

export const dynamic = "force-dynamic";
export const metadata = { title: "Settings · Residual" };

export default async function SettingsPage() {
  const user = await requireSessionUser();
  const [settings, tokens, suspended, presets, reschedules] = await Promise.all([
    selectUserSettings(db(), user.id),
    listApiTokens(db(), user.id),
    listSuspendedCards(db(), user.id),
    listPresets(db(), user.id),
    listRescheduleRuns(db(), user.id),
  ]);
  // After the settings read, which creates the row on first visit: the status reads it too.
  const optimizer = await selectOptimizerStatus(db(), user.id, new Date());
  return (
    <main className="shell stack">
      <TopBar>
        <span className="muted small">{user.email}</span>
      </TopBar>
      <SettingsForm initial={toSettingsView(settings)} />
      <PresetsPanel initial={presets} />
      <PersonalParameters initial={optimizer} timeZone={settings.timeZone} />
      <RescheduleRuns runs={reschedules} timeZone={settings.timeZone} />
      <SuspendedCards initial={suspended} />
      <ApiTokens initial={tokens.map((t) => ({ ...t, createdAt: t.createdAt.toISOString(), lastUsedAt: t.lastUsedAt?.toISOString() ?? null }))} />
      <YourData />
    </main>
  );
}

const BOTH = ["csv", "json"] as const;

const DOWNLOADS: readonly { what: string; label: string; note: string; formats: readonly ("csv" | "json")[] }[] = [
  { what: "reviews", label: "Review log", note: "every field FSRS needs to re-optimise", formats: BOTH },
  { what: "revlog", label: "Review log for FSRS tools", note: "the revlog CSV the FSRS optimizer tools read", formats: ["csv"] },
  { what: "cards", label: "Cards", note: "with their FSRS state", formats: BOTH },
  { what: "attempts", label: "Exercise attempts", note: "answers as typed, with grades", formats: BOTH },
  { what: "labs", label: "Lab submissions", note: "results, without the tensors", formats: BOTH },
  { what: "grills", label: "Mock grills", note: "one row per question", formats: BOTH },
];

/** Download links for GET /api/export; the session cookie authenticates them. */
function YourData() {
  return (
    <section className="panel stack" id="your-data" data-testid="your-data">
      <h2 style={{ margin: 0, fontSize: 18 }}>Your data</h2>
      <p className="muted small" style={{ margin: 0 }}>
        Download what you have done, as CSV (spreadsheets) or JSON. See also your <IntentLink href="/stats">stats</IntentLink>, or{" "}
        <IntentLink href="/import">import your own notes</IntentLink>.
      </p>
      {DOWNLOADS.map((d) => (
        <div key={d.what} className="row" style={{ justifyContent: "space-between" }}>
          <span>
            {d.label}
            <br />
            <span className="muted small">{d.note}</span>
          </span>
          <span className="row" style={{ gap: 8 }}>
            <a className="button" href={`/api/export?what=${d.what}&format=csv`} download data-testid={`export-${d.what}-csv`}>
              CSV
            </a>
            {d.formats.includes("json") && (
              <a className="button" href={`/api/export?what=${d.what}&format=json`} download data-testid={`export-${d.what}-json`}>
                JSON
              </a>
            )}
          </span>
        </div>
      ))}
    </section>
  );
}
