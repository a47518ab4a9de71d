"use client";
// One action on the selected cards, or on every card the search matches.
import { useState } from "react";
import type { VisibleModule } from "@/lib/cards/card-access";
import type { CardAction } from "@/lib/cards/card-schemas";
import { ACTION_LABELS, ActionValue, buildAction } from "./action-choice";
import { sendBulkAction } from "./card-request";

const FILTER_KEYS = ["q", "module", "tag", "state", "due", "suspended", "leech", "lapses"];

type Props = { modules: VisibleModule[]; selected: string[]; query: Record<string, string>; onDone: () => void; onClear: () => void };

export function BulkBar({ modules, selected, query, onDone, onClear }: Props) {
  const [name, setName] = useState<CardAction["action"]>("suspend");
  const [value, setValue] = useState("");
  const [scope, setScope] = useState<"selected" | "matching">("selected");
  const [message, setMessage] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const target = selected.length > 0 ? scope : "matching";

  async function apply() {
    const action = buildAction(name, value);
    if (!action) return setMessage("Fill in what this action needs first");
    if (name === "delete" && !window.confirm("Delete these cards for good? Their review history stays in your export.")) return;
    setBusy(true);
    const matching = Object.fromEntries(Object.entries(query).filter(([k]) => FILTER_KEYS.includes(k)));
    const outcome = await sendBulkAction(target === "selected" ? { ids: selected } : { matching }, action);
    setBusy(false);
    if (!outcome.ok) return setMessage(outcome.message);
    setMessage(`${ACTION_LABELS[name]}: ${outcome.body.changed} of ${outcome.body.cards} card${outcome.body.cards === 1 ? "" : "s"} changed`);
    onDone();
  }

  return (
    <details className="bulk-bar panel" open={selected.length > 0 || undefined}>
      <summary>{selected.length > 0 ? `${selected.length} selected` : "Act on all matching"}</summary>
      <div className="stack" style={{ gap: 8 }}>
        {selected.length > 0 && (
          <div className="row wrap">
            <label className="check">
              <input type="radio" checked={scope === "selected"} onChange={() => setScope("selected")} /> Selected
            </label>
            <label className="check">
              <input type="radio" checked={scope === "matching"} onChange={() => setScope("matching")} /> All matching
            </label>
            <button type="button" className="linkish small" onClick={onClear}>
              Clear
            </button>
          </div>
        )}
        <select
          aria-label="Action"
          value={name}
          onChange={(e) => {
            setName(e.target.value as CardAction["action"]);
            setValue("");
          }}
        >
          {Object.entries(ACTION_LABELS).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
        <ActionValue name={name} value={value} onValue={setValue} modules={modules} />
        <button type="button" className={`button${name === "delete" ? " danger" : ""}`} disabled={busy} onClick={() => void apply()}>
          {ACTION_LABELS[name]} · {target === "selected" ? `${selected.length} selected` : "all matching"}
        </button>
        {message && (
          <p className="small" role="status">
            {message}
          </p>
        )}
      </div>
    </details>
  );
}
