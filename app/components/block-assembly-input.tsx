"use client";
// Build a block from parts with one thumb: tap a part in the palette to place
// it (its first input is wired to the part above it), then tap any input port
// and pick what feeds it from the sheet at the bottom. The result is a graph
// of parts and wires; only the wiring is graded, not the order on screen.
import { useEffect, useMemo, useState } from "react";
import { INPUT_PORTS, PART_LABELS, type BlockGraph, type PartType } from "@/lib/drawing/assembly-graph";
import type { AssemblySetup } from "@/lib/drawing/drawing-prompt";
import type { DrawingItemResult } from "@/lib/drawing/drawing-grade";

type Part = { id: string; type: PartType };
type Wires = Record<string, string | null>;
const INPUT: Part = { id: "x", type: "input" };
const OUTPUT: Part = { id: "out", type: "output" };
const portKey = (partId: string, port: number) => `${partId}:${port}`;

type Props = { palette: AssemblySetup["palette"]; onGraph: (graph: BlockGraph) => void; results: DrawingItemResult[] | null; disabled: boolean };

export function BlockAssemblyInput({ palette, onGraph, results, disabled }: Props) {
  const [parts, setParts] = useState<Part[]>([]);
  const [wires, setWires] = useState<Wires>({});
  const [outputManual, setOutputManual] = useState(false);
  const [active, setActive] = useState<string | null>(null);
  const [counter, setCounter] = useState(0);

  const all = useMemo(() => [INPUT, ...parts, OUTPUT], [parts]);
  const names = useMemo(() => nameParts(all), [all]);
  const extras = new Set((results ?? []).filter((r) => r.problem === "extra").map((r) => r.key));

  useEffect(() => {
    const edges = all.flatMap((p) =>
      Array.from({ length: INPUT_PORTS[p.type] }, (_, port) => wires[portKey(p.id, port)]).flatMap((from) => (from ? [{ from, to: p.id }] : [])),
    );
    onGraph({ nodes: all.map(({ id, type }) => ({ id, type })), edges });
  }, [all, wires, onGraph]);

  function place(type: PartType) {
    const part = { id: `${type}-${counter + 1}`, type };
    const previous = parts[parts.length - 1] ?? INPUT;
    setCounter((c) => c + 1);
    setParts((ps) => [...ps, part]);
    setWires((w) => ({ ...w, [portKey(part.id, 0)]: previous.id, ...(outputManual ? {} : { [portKey(OUTPUT.id, 0)]: part.id }) }));
  }

  function remove(id: string) {
    setParts((ps) => ps.filter((p) => p.id !== id));
    setWires((w) => Object.fromEntries(Object.entries(w).filter(([key, from]) => !key.startsWith(`${id}:`) && from !== id)));
    setActive(null);
  }

  function connect(from: string | null) {
    if (!active) return;
    if (active.startsWith(`${OUTPUT.id}:`)) setOutputManual(true);
    setWires((w) => ({ ...w, [active]: from }));
    setActive(null);
  }

  const activePart = active ? all.find((p) => active.startsWith(`${p.id}:`)) : undefined;
  const taken = activePart
    ? new Set(
        Object.entries(wires)
          .filter(([k, v]) => k !== active && k.startsWith(`${activePart.id}:`) && v)
          .map(([, v]) => v),
      )
    : new Set();
  const left = (type: PartType) => (palette.find((p) => p.type === type)?.count ?? 0) - parts.filter((p) => p.type === type).length;

  return (
    <div className="assembly">
      <fieldset className="palette" aria-label="Parts to place">
        {palette.map(({ type }) => (
          <button
            key={type}
            type="button"
            className={`part-chip ${type}`}
            disabled={disabled || left(type) <= 0}
            onClick={() => place(type)}
            data-testid={`place-${type}`}
          >
            {PART_LABELS[type]} <span className="muted small">×{left(type)}</span>
          </button>
        ))}
      </fieldset>
      <ol className="block-rows" data-testid="block-rows">
        {all.map((part) => (
          <li key={part.id} className="block-row">
            <span className={`part-name ${part.type}`}>{names.get(part.id)}</span>
            <span className="ports">
              {Array.from({ length: INPUT_PORTS[part.type] }, (_, port) => {
                const key = portKey(part.id, port);
                const from = wires[key];
                const wrong = from ? extras.has(`extra:${from}->${part.id}`) : false;
                return (
                  <button
                    key={key}
                    type="button"
                    className={`port${active === key ? " active" : ""}${from ? "" : " empty"}${wrong ? " wrong" : ""}`}
                    disabled={disabled}
                    onClick={() => setActive(active === key ? null : key)}
                    data-testid={`port-${part.id}-${port}`}
                  >
                    ← {from ? names.get(from) : "?"}
                  </button>
                );
              })}
            </span>
            {part.type !== "input" && part.type !== "output" && !disabled ? (
              <button type="button" className="remove" aria-label={`Remove ${names.get(part.id)}`} onClick={() => remove(part.id)}>
                ×
              </button>
            ) : (
              <span />
            )}
          </li>
        ))}
      </ol>
      {activePart && !disabled ? (
        <div className="source-sheet" role="dialog" aria-label="Choose what feeds this input" onKeyDown={(e) => e.key === "Escape" && setActive(null)}>
          <p className="small" style={{ margin: 0 }}>
            What feeds <strong>{names.get(activePart.id)}</strong>?
          </p>
          <div className="source-grid">
            {all
              .filter((p) => p.id !== activePart.id && p.type !== "output")
              .map((p) => (
                <button
                  key={p.id}
                  type="button"
                  className={`button part-source ${p.type}`}
                  disabled={taken.has(p.id)}
                  onClick={() => connect(p.id)}
                  data-testid={`source-${p.id}`}
                >
                  {names.get(p.id)}
                </button>
              ))}
          </div>
          <div className="row">
            <button type="button" className="button" style={{ flex: 1 }} onClick={() => connect(null)}>
              Disconnect
            </button>
            {/* biome-ignore lint/a11y/noAutofocus: the sheet just opened; focus moves into it so Escape and Tab work from there. */}
            <button type="button" className="button" style={{ flex: 1 }} onClick={() => setActive(null)} autoFocus>
              Cancel
            </button>
          </div>
        </div>
      ) : null}
    </div>
  );
}

/** "Norm 1", "Norm 2", … by order on screen; a part that is the only one of its type goes unnumbered. */
function nameParts(parts: Part[]): Map<string, string> {
  const seen = new Map<PartType, number>();
  const total = (type: PartType) => parts.filter((p) => p.type === type).length;
  return new Map(
    parts.map((p) => {
      if (total(p.type) === 1) return [p.id, PART_LABELS[p.type]];
      const k = (seen.get(p.type) ?? 0) + 1;
      seen.set(p.type, k);
      return [p.id, `${PART_LABELS[p.type]} ${k}`];
    }),
  );
}
