"use client";
// Browse and search one's cards on a phone: a search box that follows typing,
// filters and order, a list that pages on, and actions on the selected cards
// or on every card matched.
import { IntentLink } from "@/app/components/intent-link";
import { useRouter } from "next/navigation";
import { useEffect, useRef, useState } from "react";
import type { VisibleModule } from "@/lib/cards/card-access";
import type { CardListItem, CardSearchPage } from "@/lib/cards/card-search";
import { BulkBar } from "./bulk-bar";
import { fetchCardPage } from "./card-request";
import { CardFilters } from "./card-filters";

type Props = { modules: VisibleModule[]; initialQuery: Record<string, string>; initialPage: CardSearchPage };

export function CardBrowser({ modules, initialQuery, initialPage }: Props) {
  const router = useRouter();
  const [query, setQuery] = useState(initialQuery);
  const [cards, setCards] = useState<CardListItem[]>(initialPage.cards);
  const [next, setNext] = useState(initialPage.nextCursor);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  const [loading, setLoading] = useState(false);
  const first = useRef(true);

  async function load(params: Record<string, string>) {
    setLoading(true);
    const outcome = await fetchCardPage(params);
    setLoading(false);
    if (!outcome.ok) return setError(outcome.message);
    setError(null);
    setCards(outcome.body.cards);
    setNext(outcome.body.nextCursor);
    setSelected(new Set());
  }

  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the query changes; `load` and `router` are stable in effect
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const timer = setTimeout(() => {
      router.replace(`/cards?${new URLSearchParams(query).toString()}`, { scroll: false });
      void load(query);
    }, 250);
    return () => clearTimeout(timer);
  }, [query]);

  async function loadMore() {
    if (!next) return;
    setLoading(true);
    const outcome = await fetchCardPage({ ...query, cursor: next });
    setLoading(false);
    if (!outcome.ok) return setError(outcome.message);
    setCards((shown) => [...shown, ...outcome.body.cards]);
    setNext(outcome.body.nextCursor);
  }

  function set(key: string, value: string) {
    setQuery(({ [key]: _old, ...rest }) => (value === "" ? rest : { ...rest, [key]: value }));
  }

  function toggle(id: string) {
    setSelected((s) => {
      const copy = new Set(s);
      if (!copy.delete(id)) copy.add(id);
      return copy;
    });
  }

  return (
    <>
      <h1 style={{ margin: 0, fontSize: 22 }}>Cards</h1>
      <input
        type="search"
        placeholder="Search fronts and backs"
        aria-label="Search cards"
        value={query.q ?? ""}
        onChange={(e) => set("q", e.target.value)}
        data-testid="card-search"
      />
      <CardFilters modules={modules} query={query} set={set} />
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <BulkBar modules={modules} selected={[...selected]} query={query} onDone={() => void load(query)} onClear={() => setSelected(new Set())} />
      <ul className="card-list" aria-busy={loading} data-testid="card-list">
        {cards.map((card) => (
          <li key={card.id} className="card-row">
            <input type="checkbox" checked={selected.has(card.id)} onChange={() => toggle(card.id)} aria-label={`Select ${card.front}`} />
            <IntentLink href={`/cards/${card.id}`} className="card-row-link">
              <span className="card-row-front">{card.front || "(empty front)"}</span>
              <span className="muted small card-row-meta">
                {card.module.title} · {card.state}
                {card.due ? ` · due ${new Date(card.due).toLocaleDateString("en-GB", { day: "numeric", month: "short", timeZone: "UTC" })}` : ""}
                {card.lapses > 0 ? ` · ${card.lapses} lapse${card.lapses === 1 ? "" : "s"}` : ""}
              </span>
              <span className="card-row-pills">
                {card.suspended && <span className="pill">suspended</span>}
                {card.buried && <span className="pill">buried</span>}
                {card.leech && <span className="pill hard">leech</span>}
                {card.tags.map((t) => (
                  <span key={t} className="pill tag">
                    #{t}
                  </span>
                ))}
              </span>
            </IntentLink>
          </li>
        ))}
      </ul>
      {cards.length === 0 && !loading && <p className="muted">{next ? "No match among the cards read so far; More reads on." : "No cards match."}</p>}
      {next && (
        <button type="button" className="button block" onClick={() => void loadMore()} disabled={loading}>
          More
        </button>
      )}
    </>
  );
}
