import { notFound } from "next/navigation";
import { RenderedHtml } from "@/app/components/rendered-html";
import { TopBar } from "@/app/components/top-bar";
import { selectVisibleModules } from "@/lib/cards/card-access";
import { getCardInfo } from "@/lib/cards/card-info";
import { CardIdParamsSchema } from "@/lib/cards/card-schemas";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors/app-error";
import { requireSessionUser } from "../../session-user";
import { CardActions } from "./card-actions";
import { CardHistory } from "./card-history";
import "../cards.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Card · Residual" };

type Props = { params: Promise<{ id: string }> };

const RATING = ["", "Again", "Hard", "Good", "Easy"] as const;
const percent = (x: number | null) => (x === null ? "—" : `${(x * 100).toFixed(1)} %`);
const number = (x: number | null, digits = 2) => (x === null ? "—" : x.toFixed(digits));
const day = (iso: string | null) =>
  iso === null ? "—" : `${new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" })} UTC`;
const shortDay = (iso: string) => new Date(iso).toLocaleDateString("en-GB", { day: "numeric", month: "short", year: "2-digit", timeZone: "UTC" });

export default async function CardInfoPage({ params }: Props) {
  const user = await requireSessionUser();
  const parsed = CardIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  const now = new Date();
  const info = await getCardInfo(db(), user.id, parsed.data.id, now).catch((error: unknown) => {
    if (error instanceof AppError && error.code === "NOT_FOUND") notFound();
    throw error;
  });
  const modules = await selectVisibleModules(db(), user.id);
  const s = info.schedule;
  return (
    <main className="shell stack">
      <TopBar back={{ href: `/cards?module=${info.module.slug}`, label: "Cards" }} />
      <h1 className="visually-hidden">Card in {info.module.title}</h1>
      <article className="card-face revealed" data-testid="card-info">
        <header className="card-meta">
          <span>
            {info.module.title}
            {info.topic ? ` · ${info.topic}` : ""}
          </span>
          <span className="pill">{s.state}</span>
          {s.suspended && <span className="pill">suspended</span>}
          {s.buriedUntil && <span className="pill">buried</span>}
          {s.leech && <span className="pill hard">leech</span>}
        </header>
        <RenderedHtml className="card-front" html={info.frontHtml} />
        <div className="card-back">
          <RenderedHtml html={info.backHtml} />
        </div>
        {info.tags.length > 0 && <p className="small muted">{info.tags.map((t) => `#${t}`).join(" ")}</p>}
      </article>
      <section className="panel stack" aria-label="Schedule">
        <dl className="info-grid" data-testid="card-schedule">
          <div>
            <dt>Next due</dt>
            <dd>{s.state === "new" ? "new card" : day(s.due)}</dd>
          </div>
          <div>
            <dt>Recall now</dt>
            <dd>{percent(s.retrievability)}</dd>
          </div>
          <div>
            <dt>Stability</dt>
            <dd>{s.stability === null ? "—" : `${number(s.stability)} d`}</dd>
          </div>
          <div>
            <dt>Difficulty</dt>
            <dd>
              {number(s.difficulty)} <span className="muted small">/ 10</span>
            </dd>
          </div>
          <div>
            <dt>Reviews</dt>
            <dd>{s.reps}</dd>
          </div>
          <div>
            <dt>Lapses</dt>
            <dd>{s.lapses}</dd>
          </div>
          {s.buriedUntil && (
            <div>
              <dt>Buried until</dt>
              <dd>{day(s.buriedUntil)}</dd>
            </div>
          )}
        </dl>
      </section>
      <CardActions cardId={info.id} owned={info.module.owned} suspended={s.suspended} modules={modules} />
      <CardHistory history={info.history.map((h) => ({ ...h, when: shortDay(h.reviewedAt), ratingLabel: RATING[h.rating] ?? String(h.rating) }))} />
    </main>
  );
}
