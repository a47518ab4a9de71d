"use client";
// The per-question countdown. It starts from `startLeftMs` (what the server
// says is left: the clock runs from when the server first showed the question,
// so a reload continues it), runs while `running`, restarts when `resetKey`
// changes, and calls `onTimeout` once when it reaches zero.
import { useEffect, useRef, useState } from "react";

/** Milliseconds left on the clock, updated a few times a second. */
export function useCountdown(
  limitMs: number,
  startLeftMs: number,
  running: boolean,
  resetKey: string,
  onTimeout: () => void,
): { leftMs: number; elapsedMs: () => number } {
  const startedAt = useRef(0);
  const fired = useRef(false);
  const timeout = useRef(onTimeout);
  const [leftMs, setLeftMs] = useState(startLeftMs);
  timeout.current = onTimeout;

  // biome-ignore lint/correctness/useExhaustiveDependencies: resetKey is the trigger: a new question restarts the clock even when its times match the last one's.
  useEffect(() => {
    startedAt.current = Date.now() - (limitMs - startLeftMs);
    fired.current = false;
    setLeftMs(startLeftMs);
  }, [resetKey, limitMs, startLeftMs]);

  // biome-ignore lint/correctness/useExhaustiveDependencies: a new question (resetKey) or a new start re-arms the interval, so the first tick comes at once.
  useEffect(() => {
    if (!running) return;
    const tick = () => {
      const left = Math.max(0, limitMs - (Date.now() - startedAt.current));
      setLeftMs(left);
      if (left === 0 && !fired.current) {
        fired.current = true;
        timeout.current();
      }
    };
    tick();
    const timer = window.setInterval(tick, 250);
    return () => window.clearInterval(timer);
  }, [running, limitMs, resetKey, startLeftMs]);

  return { leftMs, elapsedMs: () => Math.min(limitMs, Date.now() - startedAt.current) };
}

/** The visible clock: seconds left and a bar that drains; red in the last ten seconds. */
export function GrillClock({ leftMs, limitMs, stopped }: { leftMs: number; limitMs: number; stopped: boolean }) {
  const seconds = Math.ceil(leftMs / 1000);
  const urgent = !stopped && leftMs <= 10_000;
  return (
    <div className={`grill-clock ${urgent ? "urgent" : ""}`} data-testid="clock" role="timer" aria-label={`${seconds} seconds left`}>
      <span className="grill-clock-time">
        {Math.floor(seconds / 60)}:{String(seconds % 60).padStart(2, "0")}
      </span>
      <span className="grill-clock-bar">
        <span style={{ width: `${(leftMs / limitMs) * 100}%` }} />
      </span>
    </div>
  );
}
