"use client";
// The filters and order of the card search, folded away until wanted.
import type { VisibleModule } from "@/lib/cards/card-access";

type Props = { modules: VisibleModule[]; query: Record<string, string>; set: (key: string, value: string) => void };

export function CardFilters({ modules, query, set }: Props) {
  const active = ["module", "tag", "state", "due", "suspended", "leech", "lapses"].filter((k) => query[k] !== undefined).length;
  return (
    <details className="card-filters">
      <summary>Filters and order{active > 0 ? ` · ${active} on` : ""}</summary>
      <div className="filter-grid">
        <label>
          Module
          <select value={query.module ?? ""} onChange={(e) => set("module", e.target.value)}>
            <option value="">All</option>
            {modules.map((m) => (
              <option key={m.id} value={m.slug}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
        <label>
          State
          <select value={query.state ?? ""} onChange={(e) => set("state", e.target.value)}>
            <option value="">Any</option>
            <option value="new">New</option>
            <option value="learning">Learning</option>
            <option value="review">Review</option>
            <option value="relearning">Relearning</option>
          </select>
        </label>
        <label>
          Due
          <select value={query.due ?? ""} onChange={(e) => set("due", e.target.value)}>
            <option value="">Any time</option>
            <option value="today">Today</option>
            <option value="overdue">Overdue</option>
          </select>
        </label>
        <label>
          Tag
          <input value={query.tag ?? ""} onChange={(e) => set("tag", e.target.value.trim())} placeholder="any" />
        </label>
        <label>
          Lapses at least
          <input inputMode="numeric" value={query.lapses ?? ""} onChange={(e) => set("lapses", e.target.value.replace(/\D/g, ""))} placeholder="0" />
        </label>
        <label>
          Sort
          <select value={query.sort ?? "due"} onChange={(e) => set("sort", e.target.value)}>
            <option value="due">Due</option>
            <option value="created">Created</option>
            <option value="updated">Edited</option>
            <option value="lapses">Lapses</option>
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={query.suspended === "1"} onChange={(e) => set("suspended", e.target.checked ? "1" : "")} /> Suspended
        </label>
        <label className="check">
          <input type="checkbox" checked={query.leech === "1"} onChange={(e) => set("leech", e.target.checked ? "1" : "")} /> Leeches
        </label>
        <label className="check">
          <input type="checkbox" checked={query.order === "desc"} onChange={(e) => set("order", e.target.checked ? "desc" : "")} /> Newest / latest first
        </label>
      </div>
    </details>
  );
}
