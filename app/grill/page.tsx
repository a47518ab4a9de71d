import { db } from "@/lib/db/client";
import { listGrills } from "@/lib/grills/grill-history";
import { grillModuleOptions } from "@/lib/grills/setup-options";
import { selectUserSettings } from "@/lib/data/user-settings";
import { STUDY_LINKS, TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../session-user";
import { GrillHistory } from "./grill-history";
import { GrillSetup } from "./grill-setup";
import "./grill.css";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Mock grill · Residual" };

export default async function GrillPage() {
  const user = await requireSessionUser();
  const [modules, history, settings] = await Promise.all([
    grillModuleOptions(db(), catalogue, user.id),
    listGrills(db(), user.id, 30),
    selectUserSettings(db(), user.id),
  ]);
  return (
    <main className="shell stack">
      <TopBar links={STUDY_LINKS} />
      <section className="panel stack">
        <h1 style={{ margin: 0, fontSize: 22 }}>Mock grill</h1>
        <p className="muted small" style={{ margin: 0 }}>
          Interview questions against the clock, with a quick numeric problem about every third question. Type your answer, then tick the key points you
          covered. Missed questions go back into today&apos;s review.
        </p>
        {modules.length === 0 ? (
          <p className="muted" style={{ margin: 0 }}>
            None of your modules has interview questions yet.
          </p>
        ) : (
          <GrillSetup modules={modules} />
        )}
      </section>
      <GrillHistory grills={history} timeZone={settings.timeZone} />
    </main>
  );
}
