"use client";
// The fields of one preset (the learner's settings are the default preset):
// retention, daily limits, steps, leeches and display order. Steps are typed
// as people write them ("1m 10m 1d") and read with the scheduler's own parser.
import { useState } from "react";
import type { PresetOptions } from "@/lib/scheduling/preset-options";
import { formatSteps, parseSteps } from "@/lib/scheduling/steps";

type Props = { value: PresetOptions; onChange: (next: PresetOptions) => void; idPrefix: string; onStepsError: (message: string | null) => void };

export function PresetFields({ value, onChange, idPrefix, onStepsError }: Props) {
  const [learning, setLearning] = useState(formatSteps(value.learningStepsMinutes));
  const [relearning, setRelearning] = useState(formatSteps(value.relearningStepsMinutes));
  const set = <K extends keyof PresetOptions>(key: K, v: PresetOptions[K]) => onChange({ ...value, [key]: v });
  const setSteps = (key: "learningStepsMinutes" | "relearningStepsMinutes", text: string) => {
    (key === "learningStepsMinutes" ? setLearning : setRelearning)(text);
    const steps = parseSteps(text);
    onStepsError(steps === null ? "Steps are whole numbers with m, h or d (1m 10m 1d), at most 10, each up to 30d" : null);
    if (steps !== null) set(key, steps);
  };
  const number = (key: "newCardsPerDay" | "maximumReviewsPerDay" | "leechThreshold", label: string, max: number, hint?: string) => (
    <label>
      {label}
      <input
        type="number"
        min={key === "leechThreshold" ? 1 : 0}
        max={max}
        inputMode="numeric"
        value={value[key]}
        name={`${idPrefix}-${key}`}
        onChange={(e) => set(key, Number(e.target.value))}
      />
      {hint && <span className="small muted">{hint}</span>}
    </label>
  );
  return (
    <>
      <label>
        Desired retention: {Math.round(value.desiredRetention * 100)}%
        <input
          type="range"
          min={0.7}
          max={0.99}
          step={0.01}
          value={value.desiredRetention}
          name={`${idPrefix}-desiredRetention`}
          onChange={(e) => set("desiredRetention", Number(e.target.value))}
        />
        <span className="small">
          The chance you still remember a card on the day it comes back. Higher means shorter gaps and more reviews a day; 90% is a good balance. Going from 90%
          to 95% roughly doubles the daily load.
        </span>
      </label>
      {number("newCardsPerDay", "New cards per day", 9999)}
      {number("maximumReviewsPerDay", "Maximum reviews per day", 9999, "Cards in learning steps are never held back.")}
      <label className="check-row">
        <input
          type="checkbox"
          checked={value.newIgnoresReviewLimit}
          name={`${idPrefix}-newIgnoresReviewLimit`}
          onChange={(e) => set("newIgnoresReviewLimit", e.target.checked)}
        />
        New cards ignore the review limit
      </label>
      <label>
        Learning steps
        <input value={learning} name={`${idPrefix}-learningSteps`} autoCapitalize="none" onChange={(e) => setSteps("learningStepsMinutes", e.target.value)} />
      </label>
      <label>
        Relearning steps
        <input
          value={relearning}
          name={`${idPrefix}-relearningSteps`}
          autoCapitalize="none"
          onChange={(e) => setSteps("relearningStepsMinutes", e.target.value)}
        />
      </label>
      {number("leechThreshold", "Leech after this many lapses", 99)}
      <label>
        When a card becomes a leech
        <select value={value.leechAction} name={`${idPrefix}-leechAction`} onChange={(e) => set("leechAction", e.target.value === "TAG" ? "TAG" : "SUSPEND")}>
          <option value="SUSPEND">Suspend it</option>
          <option value="TAG">Only mark it</option>
        </select>
      </label>
      <label>
        Review order
        <select
          value={value.reviewOrder}
          name={`${idPrefix}-reviewOrder`}
          onChange={(e) => set("reviewOrder", e.target.value === "RETRIEVABILITY" ? "RETRIEVABILITY" : e.target.value === "RANDOM" ? "RANDOM" : "DUE")}
        >
          <option value="DUE">Due date, most overdue first</option>
          <option value="RETRIEVABILITY">Most at risk of being forgotten first</option>
          <option value="RANDOM">Random</option>
        </select>
      </label>
      <label>
        New cards
        <select
          value={value.newCardMix}
          name={`${idPrefix}-newCardMix`}
          onChange={(e) => set("newCardMix", e.target.value === "BEFORE" ? "BEFORE" : e.target.value === "AFTER" ? "AFTER" : "MIXED")}
        >
          <option value="MIXED">Mixed with reviews</option>
          <option value="BEFORE">Before reviews</option>
          <option value="AFTER">After reviews</option>
        </select>
      </label>
    </>
  );
}
