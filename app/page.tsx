import { IntentLink } from "@/app/components/intent-link";
import { db } from "@/lib/db/client";
import { getTodayQueue } from "@/lib/queue/today-queue";
import { limitNote } from "@/lib/queue/limit-note";
import { sessionUser } from "./session-user";
import { SignOutButton } from "./sign-out-button";
import { formatRelative } from "@/lib/client/format-relative";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const user = await sessionUser();
  if (!user) return <Landing />;
  const now = new Date();
  const queue = await getTodayQueue(db(), catalogue, user.id, now);
  const due = queue.counts.learning + queue.counts.review + queue.counts.new;
  const note = limitNote(queue.held);
  return (
    <main className="shell">
      <div className="topbar">
        <span className="brand">Residual</span>
        <nav className="nav">
          <IntentLink href="/progress">Progress</IntentLink>
          <IntentLink href="/settings">Settings</IntentLink>
          <SignOutButton />
        </nav>
      </div>
      <section className="panel stack">
        <h1 style={{ margin: 0, fontSize: 22 }}>Today</h1>
        <div className="counts" data-testid="due-counts">
          {DUE_KINDS.map(({ kind, words }) => (
            <div key={kind} className={`count count-${kind}`} data-testid={`due-${kind}`}>
              <strong>{queue.counts[kind]}</strong>
              <span>{words}</span>
            </div>
          ))}
        </div>
        {note && (
          <p className="muted small" style={{ margin: 0 }} data-testid="limit-note">
            {note}
          </p>
        )}
        {due > 0 ? (
          <IntentLink href="/review" className="button primary block" data-testid="start-review">
            Start review · {due}
          </IntentLink>
        ) : (
          <p className="muted" style={{ margin: 0 }}>
            All caught up. {queue.nextDueAt ? `Next card due ${formatRelative(new Date(queue.nextDueAt), now)}.` : ""}
          </p>
        )}
        <p className="muted small" style={{ margin: 0 }}>
          Reviewed today: {queue.today.reviewed} · Streak: {queue.today.streak} day{queue.today.streak === 1 ? "" : "s"}
        </p>
      </section>
      <nav className="practice-grid" aria-label="Practice">
        {PRACTICE.map((item) => (
          <IntentLink key={item.href} href={item.href} className="practice-tile">
            <strong>{item.title}</strong>
            <span className="muted small">{item.blurb}</span>
          </IntentLink>
        ))}
      </nav>
    </main>
  );
}

/** In the review counter's order and colours: new, learning, to review. */
const DUE_KINDS = [
  { kind: "new", words: "new" },
  { kind: "learning", words: "learning" },
  { kind: "review", words: "to review" },
] as const;

const PRACTICE = [
  { href: "/library", title: "Library", blurb: "Choose what you review; your own modules and imports" },
  { href: "/cards", title: "Cards", blurb: "Search every card; see its history; suspend, bury, reset" },
  { href: "/exercises", title: "Exercises", blurb: "By-hand numbers and drawing prompts, graded" },
  { href: "/labs", title: "Labs", blurb: "Run your own code on our inputs; we find the bug" },
  { href: "/grill", title: "Mock grill", blurb: "Timed interview questions and quick numbers" },
  { href: "/modules", title: "Readiness", blurb: "Checklist, retention, accuracy, open mistakes" },
  { href: "/import", title: "Import notes", blurb: "Your markdown or CSV as cards, previewed before anything is saved" },
] as const;

function Landing() {
  return (
    <main className="shell">
      <div className="topbar">
        <span className="brand">Residual</span>
      </div>
      <section className="panel stack">
        <h1 style={{ margin: 0, fontSize: 24 }}>Keep the signal. Add a little every day.</h1>
        <p className="muted" style={{ margin: 0 }}>
          Spaced-repetition cards and graded exercises for transformer internals: norms, attention, masks, KV caches, and the interview questions that come with
          them.
        </p>
        <IntentLink href="/sign-up" className="button primary block">
          Create an account
        </IntentLink>
        <IntentLink href="/sign-in" className="button block">
          Sign in
        </IntentLink>
      </section>
    </main>
  );
}
