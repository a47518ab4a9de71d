// biome-ignore-all lint/suspicious/noArrayIndexKey: strokes are only added or undone at the end, so an index names one stroke for its life.
"use client";
// A drawing pad for finger, pen or mouse: pointer events on an SVG, strokes
// kept as [x, y] points on a 1000 × 1000 grid (the pad is square), with undo
// and clear. Points closer than a few units are dropped, and the caps match
// the API's, so a long sketch stops taking ink instead of failing to save.
import { useRef } from "react";
import { MAX_SKETCH_POINTS, MAX_STROKE_POINTS, MAX_STROKES, SKETCH_SIZE } from "@/lib/drawing/drawing-limits";

export type Stroke = [number, number][];
/** Grid units a finger must move before another point is kept. */
const MIN_STEP = 6;

type Props = { strokes: Stroke[]; onChange: (strokes: Stroke[]) => void; disabled: boolean };

export function SketchPad({ strokes, onChange, disabled }: Props) {
  const drawing = useRef(false);
  // Pointer events can outrun renders: build each change on the latest strokes, not this render's.
  const live = useRef(strokes);
  live.current = strokes;
  const total = strokes.reduce((n, s) => n + s.length, 0);
  const change = (next: Stroke[]) => {
    live.current = next;
    onChange(next);
  };

  function point(event: React.PointerEvent<SVGSVGElement>): [number, number] {
    const box = event.currentTarget.getBoundingClientRect();
    const clamp = (v: number) => Math.min(SKETCH_SIZE, Math.max(0, Math.round(v)));
    return [clamp(((event.clientX - box.left) / box.width) * SKETCH_SIZE), clamp(((event.clientY - box.top) / box.height) * SKETCH_SIZE)];
  }

  function down(event: React.PointerEvent<SVGSVGElement>) {
    if (disabled || strokes.length >= MAX_STROKES || total >= MAX_SKETCH_POINTS) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    change([...live.current, [point(event)]]);
  }

  function move(event: React.PointerEvent<SVGSVGElement>) {
    if (!drawing.current) return;
    const strokesNow = live.current;
    const last = strokesNow[strokesNow.length - 1];
    if (!last || last.length >= MAX_STROKE_POINTS || strokesNow.reduce((n, s) => n + s.length, 0) >= MAX_SKETCH_POINTS) return;
    const next = point(event);
    const prev = last[last.length - 1];
    if (prev && Math.hypot(next[0] - prev[0], next[1] - prev[1]) < MIN_STEP) return;
    change([...strokesNow.slice(0, -1), [...last, next]]);
  }

  const up = () => {
    drawing.current = false;
  };

  return (
    <div className="sketch">
      <svg
        className="sketch-pad"
        viewBox={`0 0 ${SKETCH_SIZE} ${SKETCH_SIZE}`}
        onPointerDown={down}
        onPointerMove={move}
        onPointerUp={up}
        onPointerCancel={up}
        data-testid="sketch-pad"
        role="img"
        aria-label={`Drawing pad, ${strokes.length} stroke${strokes.length === 1 ? "" : "s"}`}
      >
        {strokes.map((s, i) =>
          s.length === 1 ? (
            <circle key={i} cx={s[0]?.[0]} cy={s[0]?.[1]} r={5} fill="currentColor" />
          ) : (
            <polyline
              key={i}
              points={s.map((p) => p.join(",")).join(" ")}
              fill="none"
              stroke="currentColor"
              strokeWidth={6}
              strokeLinecap="round"
              strokeLinejoin="round"
            />
          ),
        )}
      </svg>
      <div className="row">
        <button
          type="button"
          className="button"
          style={{ flex: 1 }}
          disabled={disabled || strokes.length === 0}
          onClick={() => change(strokes.slice(0, -1))}
          data-testid="undo-stroke"
        >
          Undo stroke
        </button>
        <button type="button" className="button" style={{ flex: 1 }} disabled={disabled || strokes.length === 0} onClick={() => change([])}>
          Clear
        </button>
      </div>
      {total >= MAX_SKETCH_POINTS ? <p className="muted small">The pad is full: undo a stroke to draw more.</p> : null}
    </div>
  );
}
