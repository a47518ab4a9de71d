"use client";
// One drawing variant to answer: the right input for its kind (mask grid,
// block assembly, sketch pad with reference and rubric), the submit, and the
// graded feedback. Used by the drawing page and by drawing cards in review.
import { useCallback, useRef, useState } from "react";
import type { BlockGraph } from "@/lib/drawing/assembly-graph";
import type { DrawingAnswer } from "@/lib/drawing/drawing-schemas";
import type { DrawingView } from "@/lib/drawing/drawing-view";
import type { DrawingAttemptResult } from "@/lib/drawing/record-drawing-attempt";
import { BlockAssemblyInput } from "./block-assembly-input";
import { DrawingFeedback } from "./drawing-feedback";
import { requestDrawingGrade } from "@/lib/client/drawing-request";
import { MaskGridInput } from "./mask-grid-input";
import { SketchPad, type Stroke } from "./sketch-pad";
import { SketchCheck } from "./sketch-check";
import "./drawing.css";

type Props = { view: DrawingView; onGraded: (result: DrawingAttemptResult) => void };

const HINTS = {
  "mask-grid": "Tap a cell to fill or empty it.",
  assembly: "Tap a part to place it (it is wired to the part above); tap an input ← to choose what feeds it.",
  sketch: "Draw with a finger or the mouse, then compare with the reference.",
} as const;

export function DrawingWorkspace({ view, onGraded }: Props) {
  const setup = view.setup;
  const [grid, setGrid] = useState<boolean[][]>(() =>
    setup.kind === "mask-grid" ? Array.from({ length: setup.n }, () => Array<boolean>(setup.n).fill(false)) : [],
  );
  const graph = useRef<BlockGraph>({ nodes: [], edges: [] });
  const [strokes, setStrokes] = useState<Stroke[]>([]);
  const [comparing, setComparing] = useState(false);
  const [ticked, setTicked] = useState<string[]>([]);
  const [result, setResult] = useState<DrawingAttemptResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const shownAt = useRef(Date.now());
  // One id per answer: a retried post after a dropped connection is stored once.
  const attemptId = useRef<string | null>(null);
  const onGraph = useCallback((g: BlockGraph) => {
    graph.current = g;
  }, []);

  function answer(): DrawingAnswer {
    if (setup.kind === "mask-grid") return { kind: "mask-grid", grid };
    if (setup.kind === "assembly") return { kind: "assembly", ...graph.current };
    return { kind: "sketch", strokes, ticked };
  }

  async function submit() {
    setBusy(true);
    setError(null);
    attemptId.current ??= crypto.randomUUID();
    const outcome = await requestDrawingGrade(view, answer(), Date.now() - shownAt.current, attemptId.current);
    setBusy(false);
    if (!outcome.ok) {
      setError(outcome.offline ? "No connection. Your drawing is still here; try again." : outcome.message);
      if (!outcome.offline) attemptId.current = null;
      return;
    }
    setResult(outcome.result);
    onGraded(outcome.result);
  }

  const done = result !== null;
  return (
    <div className="stack drawing-workspace" data-kind={setup.kind}>
      {done ? null : (
        <p className="muted small" style={{ margin: 0 }}>
          {HINTS[setup.kind]}
        </p>
      )}
      {setup.kind === "mask-grid" ? (
        <MaskGridInput
          grid={grid}
          results={result?.items ?? null}
          disabled={done || busy}
          onToggle={(r, c) => setGrid((g) => g.map((row, i) => (i === r ? row.map((v, j) => (j === c ? !v : v)) : row)))}
        />
      ) : setup.kind === "assembly" ? (
        <BlockAssemblyInput palette={setup.palette} onGraph={onGraph} results={result?.items ?? null} disabled={done || busy} />
      ) : (
        <>
          <SketchPad strokes={strokes} onChange={setStrokes} disabled={comparing || busy} />
          {comparing ? <SketchCheck setup={setup} ticked={ticked} onTicked={setTicked} disabled={done || busy} /> : null}
        </>
      )}
      {error ? (
        <p className="error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? <DrawingFeedback result={result} kind={setup.kind} /> : null}
      {!done && setup.kind === "sketch" && !comparing ? (
        <button type="button" className="button primary block" disabled={strokes.length === 0} onClick={() => setComparing(true)} data-testid="compare">
          Compare with the reference
        </button>
      ) : !done ? (
        <button type="button" className="button primary block" disabled={busy} onClick={submit} data-testid="check-drawing">
          {busy ? "Grading…" : setup.kind === "sketch" ? "Save self-check" : "Check"}
        </button>
      ) : null}
    </div>
  );
}
