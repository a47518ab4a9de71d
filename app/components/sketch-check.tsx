"use client";
// After drawing from memory: the authored reference diagram, then the rubric
// the learner ticks for each part their sketch got right.
import type { SketchSetup } from "@/lib/drawing/drawing-prompt";
import { RenderedHtml } from "@/app/components/rendered-html";

type Props = { setup: SketchSetup; ticked: string[]; onTicked: (ticked: string[]) => void; disabled: boolean };

export function SketchCheck({ setup, ticked, onTicked, disabled }: Props) {
  const on = new Set(ticked);
  return (
    <div className="stack" data-testid="sketch-reference">
      {/* Authored SVG from the prompt catalogue, not learner input. */}
      <RenderedHtml className="reference-svg" html={setup.referenceSvg} />
      <p className="muted small" style={{ margin: 0 }}>
        {setup.referenceCaption}
      </p>
      <fieldset className="rubric" disabled={disabled}>
        <legend className="small">Tick what your sketch shows</legend>
        {setup.rubric.map((item) => (
          <label key={item.key} className="rubric-item">
            <input
              type="checkbox"
              checked={on.has(item.key)}
              onChange={(e) => onTicked(e.target.checked ? [...ticked, item.key] : ticked.filter((k) => k !== item.key))}
              data-testid={`rubric-${item.key}`}
            />
            <span>{item.text}</span>
          </label>
        ))}
      </fieldset>
    </div>
  );
}
