// The preview of an import: counts, then the cards by outcome and the lines
// that were not read, each list folded so a phone shows the counts first.
import type { ReactNode } from "react";
import type { ImportPreview, PreviewCard, PreviewList } from "@/lib/imports/import-preview";

const OUTCOMES = [
  { key: "created", label: "new" },
  { key: "updated", label: "updated" },
  { key: "unchanged", label: "unchanged" },
  { key: "archived", label: "archived" },
] as const;

/** Where a card comes from: a line of a file, or an Anki note's number in its deck. */
const placeWord = (format: ImportPreview["format"]) => (format === "anki" ? "note" : "line");

/** `children` (the confirm button) sits right under the counts, before the lists. */
export function ImportPreviewView({ result, children }: { result: ImportPreview; children: ReactNode }) {
  const { cards } = result;
  const place = placeWord(result.format);
  return (
    <section className="panel stack" data-testid="import-preview">
      <h2 style={{ margin: 0, fontSize: 18 }}>
        {result.module.title}{" "}
        <span className="muted small">
          · {result.module.id ? "existing module" : "new module"} · {result.format}
        </span>
      </h2>
      <div className="counts import-counts">
        {OUTCOMES.map((o) => (
          <div key={o.key} className="count" data-testid={`import-count-${o.key}`}>
            <strong>{cards[o.key].total}</strong>
            <span>{o.label}</span>
          </div>
        ))}
      </div>
      {result.notice && (
        <p className="notice" style={{ margin: 0 }}>
          <Ticked text={result.notice} />
        </p>
      )}
      {children}
      {cards.restored.total > 0 && <CardList title="Back from the archive" list={cards.restored} place={place} />}
      <CardList title="New cards" list={cards.created} place={place} open />
      <CardList title="Updated cards" list={cards.updated} place={place} open />
      <CardList title="Archived (no longer in the file)" list={cards.archived} place={place} open />
      <CardList title="Unchanged" list={cards.unchanged} place={place} />
      {result.unread.total > 0 && (
        <details open className="import-list" data-testid="import-unread">
          <summary>Not read ({result.unread.total})</summary>
          <ul>
            {result.unread.items.map((u) => (
              <li key={`${u.file}:${u.line}:${u.reason}`}>
                <span className="pill">
                  {place} {u.line}
                </span>{" "}
                <Ticked text={u.reason} />
                <br />
                <code>{u.text}</code>
              </li>
            ))}
          </ul>
          <More list={result.unread} />
        </details>
      )}
      {result.warnings.total > 0 && (
        <details className="import-list">
          <summary>Warnings ({result.warnings.total})</summary>
          <ul>
            {result.warnings.items.map((w) => (
              <li key={`${w.line}:${w.message}`}>
                <span className="pill">line {w.line}</span> {w.message}
              </li>
            ))}
          </ul>
          <More list={result.warnings} />
        </details>
      )}
    </section>
  );
}

function CardList({ title, list, place, open = false }: { title: string; list: PreviewList<PreviewCard>; place: string; open?: boolean }) {
  if (list.total === 0) return null;
  return (
    <details open={open} className="import-list">
      <summary>
        {title} ({list.total})
      </summary>
      <ul>
        {list.items.map((c) => (
          <li key={c.externalId}>
            {c.line !== undefined && (
              <span className="pill">
                {place} {c.line}
              </span>
            )}{" "}
            {c.front}
          </li>
        ))}
      </ul>
      <More list={list} />
    </details>
  );
}

function More({ list }: { list: PreviewList<unknown> }) {
  return list.total > list.items.length ? (
    <p className="muted small" style={{ margin: 0 }}>
      … and {list.total - list.items.length} more
    </p>
  ) : null;
}

/** Text whose `backticked` parts (syntax in the parser's messages) show as code. */
function Ticked({ text }: { text: string }) {
  // biome-ignore lint/suspicious/noArrayIndexKey: the parts of one fixed message, never reordered
  return <>{text.split("`").map((part, i) => (i % 2 === 1 ? <code key={i}>{part}</code> : part))}</>;
}
