"use client";
import { IntentLink } from "@/app/components/intent-link";
import { useState } from "react";
import type { ChecklistItemView, ChecklistSection } from "@/lib/checklists/checklist-view";
import type { ChecklistItemState } from "@/lib/checklists/set-item-state";
import { sendJson } from "@/lib/client/send-json";
import { RenderedHtml } from "@/app/components/rendered-html";

const NOT_SAVED = "No connection: the tick was not saved.";

/** An item as the page hands it over: the view plus its text rendered to safe HTML and its exercise's link. */
export type ChecklistEntry = ChecklistItemView & { html: string; exercise: { title: string; href: string | null } | null };
export type ChecklistEntrySection = Omit<ChecklistSection, "items"> & { items: ChecklistEntry[] };

/** The health check, by section: tap an item to tick or untick it; evidence items tick themselves. */
export function Checklist({ slug, initial }: { slug: string; initial: ChecklistEntrySection[] }) {
  const [sections, setSections] = useState(initial);
  const [pending, setPending] = useState<ReadonlySet<string>>(new Set());
  const [error, setError] = useState<string | null>(null);
  // Tapping an item that ticks itself explains why instead of ticking it.
  const [explained, setExplained] = useState<ReadonlySet<string>>(new Set());
  const ticked = sections.reduce((n, s) => n + s.items.filter((i) => i.checked).length, 0);
  const total = sections.reduce((n, s) => n + s.items.length, 0);

  function patch(itemId: string, change: Partial<ChecklistEntry>) {
    setSections((all) => all.map((s) => ({ ...s, items: s.items.map((i) => (i.id === itemId ? { ...i, ...change } : i)) })));
  }

  async function toggle(item: ChecklistEntry) {
    if (item.lockedReason) {
      setExplained((e) => new Set(e).add(item.id));
      return;
    }
    if (pending.has(item.id)) return;
    const checked = !item.checked;
    setError(null);
    setPending((p) => new Set(p).add(item.id));
    patch(item.id, { checked, source: checked ? "MANUAL" : null });
    const saved = await sendJson<ChecklistItemState>(
      "PUT",
      `/api/modules/${slug}/checklist/${item.id}`,
      { checked },
      { offline: NOT_SAVED, refused: NOT_SAVED },
    );
    if (saved.ok && typeof saved.body.checked === "boolean") {
      patch(item.id, { checked: saved.body.checked, source: saved.body.source, checkedAt: saved.body.checkedAt });
    } else {
      patch(item.id, { checked: item.checked, source: item.source });
      setError(saved.ok ? NOT_SAVED : saved.message);
    }
    setPending((p) => {
      const next = new Set(p);
      next.delete(item.id);
      return next;
    });
  }

  return (
    <section className="panel stack" id="checklist" data-testid="checklist">
      <div className="row" style={{ justifyContent: "space-between" }}>
        <h2 style={{ margin: 0, fontSize: 19 }}>Health check</h2>
        <span className="muted small" data-testid="checklist-count">
          {ticked} of {total} ticked
        </span>
      </div>
      <p className="muted small" style={{ margin: 0 }}>
        Tick an item when you can do it cold, without notes. Items with a dashed box tick themselves once their exercise is passed on enough separate days.
      </p>
      {error && (
        <p className="error" role="alert" style={{ margin: 0 }}>
          {error}
        </p>
      )}
      {sections.map((section) => (
        <div key={section.name} className="stack check-section" style={{ gap: 8 }}>
          <h3>
            <span>{section.name || "Checklist"}</span>
            <span className="muted small">
              {section.items.filter((i) => i.checked).length}/{section.items.length}
            </span>
          </h3>
          <ul className="check-list">
            {section.items.map((item) => (
              <Item key={item.id} item={item} busy={pending.has(item.id)} explain={explained.has(item.id)} onToggle={() => toggle(item)} />
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}

function Item({ item, busy, explain, onToggle }: { item: ChecklistEntry; busy: boolean; explain: boolean; onToggle: () => void }) {
  const auto = item.evidence !== null && item.source !== "MANUAL";
  return (
    <li className={`check-item${item.checked ? " checked" : ""}${auto ? " auto" : ""}`} data-testid={`check-${item.externalId}`}>
      {/* biome-ignore lint/a11y/useSemanticElements: the box shows day counts ("2/3") and stays focusable while busy, which a native checkbox cannot. */}
      <button
        type="button"
        className="check-toggle"
        role="checkbox"
        aria-checked={item.checked}
        aria-disabled={busy}
        aria-describedby={item.evidence ? `evidence-${item.id}` : undefined}
        aria-busy={busy}
        onClick={onToggle}
      >
        <span className="box" aria-hidden="true">
          {item.checked ? (
            "✓"
          ) : auto && item.evidence?.days.length ? (
            <small>
              {item.evidence.days.length}/{item.evidence.needed}
            </small>
          ) : (
            ""
          )}
        </span>
        <RenderedHtml as="span" className="item-text" html={item.html} />
      </button>
      {(item.evidence || item.note) && (
        <div className="check-extra">
          {item.evidence && (
            <p className={`evidence-line${item.evidence.complete ? " done" : ""}`} id={`evidence-${item.id}`} data-testid="evidence">
              {item.evidence.summary.charAt(0).toUpperCase() + item.evidence.summary.slice(1)}
            </p>
          )}
          {item.evidence && item.exercise?.href && (
            <IntentLink href={item.exercise.href}>
              {item.checked ? "Open" : "Practise"}: {item.exercise.title} ›
            </IntentLink>
          )}
          {item.evidence && !item.exercise?.href && <p>{item.exercise?.title ?? item.evidence.exerciseSlug} is not available here yet.</p>}
          {item.lockedReason && explain && <p role="status">{item.lockedReason}</p>}
          {item.evidence && item.source === "MANUAL" && <p>Ticked by hand before this item was linked to an exercise.</p>}
          {item.note && <p>Note: {item.note}</p>}
        </div>
      )}
    </li>
  );
}
