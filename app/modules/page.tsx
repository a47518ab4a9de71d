import { IntentLink } from "@/app/components/intent-link";
import { db } from "@/lib/db/client";
import { listModuleReadiness } from "@/lib/readiness/module-readiness";
import { STUDY_LINKS, TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../session-user";
import { Figures, LEVEL_LABEL } from "./readiness-parts";
import "./modules.css";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Readiness · Residual" };

export default async function ModulesPage() {
  const user = await requireSessionUser();
  const modules = await listModuleReadiness(db(), catalogue, user.id, new Date());
  return (
    <main className="shell stack">
      <TopBar links={STUDY_LINKS} />
      <h1 style={{ margin: 0, fontSize: 22 }}>Readiness</h1>
      {modules.length === 0 && <p className="muted">You are not enrolled in any module yet.</p>}
      {modules.map((r) => (
        <section key={r.module.id} className="panel" data-testid={`module-${r.module.slug}`}>
          <IntentLink href={`/modules/${r.module.slug}`} className="module-card">
            <div className="row" style={{ justifyContent: "space-between" }}>
              <h2>{r.module.title}</h2>
              <span className={`pill${r.next.level === "ready" ? " easy" : ""}`}>{LEVEL_LABEL[r.next.level]}</span>
            </div>
            <Figures readiness={r} />
            <p className="small">{r.next.headline}</p>
            {r.misconceptions.length > 0 && (
              <p className="small muted">
                {r.misconceptions.length} open mistake{r.misconceptions.length === 1 ? "" : "s"}
              </p>
            )}
            <span className="button block">Open checklist and readiness</span>
          </IntentLink>
        </section>
      ))}
    </main>
  );
}
