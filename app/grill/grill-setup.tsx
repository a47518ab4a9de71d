"use client";
// Choosing a grill: module, length, difficulty and the clock per question.
// The grill id is made here, so a retried start cannot create two grills.
import { useRouter } from "next/navigation";
import { useRef, useState } from "react";
import type { GrillModuleOption } from "@/lib/grills/setup-options";
import { postJson } from "./grill-api";

const LENGTHS = [3, 5, 10, 15] as const;
const DIFFICULTIES = [
  { value: "ANY", label: "Any" },
  { value: "EASY", label: "Easy" },
  { value: "MEDIUM", label: "Medium" },
  { value: "HARD", label: "Hard" },
] as const;
const CLOCKS = [30, 60, 90, 120, 180] as const;

type Difficulty = (typeof DIFFICULTIES)[number]["value"];

export function GrillSetup({ modules }: { modules: GrillModuleOption[] }) {
  const router = useRouter();
  const [moduleId, setModuleId] = useState(modules[0]?.id ?? "");
  const [difficulty, setDifficulty] = useState<Difficulty>("ANY");
  const [length, setLength] = useState<number>(5);
  const [seconds, setSeconds] = useState<number>(90);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const grillId = useRef<string | null>(null);

  const module = modules.find((m) => m.id === moduleId) ?? modules[0];
  const available = module ? module.available[difficulty] : 0;

  async function start(event: React.FormEvent) {
    event.preventDefault();
    if (!module) return;
    setBusy(true);
    setError(null);
    grillId.current ??= crypto.randomUUID();
    const id = grillId.current;
    const outcome = await postJson(`/api/grills`, { id, moduleId: module.id, length: Math.min(length, available), difficulty, secondsPerItem: seconds });
    if (!outcome.ok) {
      setBusy(false);
      // A refused start stored nothing: the next try may use a fresh id.
      if (!outcome.offline) grillId.current = null;
      setError(outcome.message);
      return;
    }
    router.push(`/grill/${id}`);
  }

  return (
    <form className="stack" onSubmit={start} data-testid="grill-setup">
      {modules.length > 1 && (
        <label>
          Module
          <select value={moduleId} onChange={(e) => setModuleId(e.target.value)}>
            {modules.map((m) => (
              <option key={m.id} value={m.id}>
                {m.title}
              </option>
            ))}
          </select>
        </label>
      )}
      <fieldset className="choice">
        <legend>Questions</legend>
        {LENGTHS.map((n) => (
          <button
            key={n}
            type="button"
            className={`button ${length === n ? "primary" : ""}`}
            aria-pressed={length === n}
            disabled={n > available}
            onClick={() => setLength(n)}
            data-testid={`length-${n}`}
          >
            {n}
          </button>
        ))}
      </fieldset>
      <fieldset className="choice">
        <legend>Difficulty</legend>
        {DIFFICULTIES.map((d) => (
          <button
            key={d.value}
            type="button"
            className={`button ${difficulty === d.value ? "primary" : ""}`}
            aria-pressed={difficulty === d.value}
            onClick={() => setDifficulty(d.value)}
            data-testid={`difficulty-${d.value.toLowerCase()}`}
          >
            {d.label}
          </button>
        ))}
      </fieldset>
      <fieldset className="choice">
        <legend>Seconds per question</legend>
        {CLOCKS.map((s) => (
          <button
            key={s}
            type="button"
            className={`button ${seconds === s ? "primary" : ""}`}
            aria-pressed={seconds === s}
            onClick={() => setSeconds(s)}
            data-testid={`clock-${s}`}
          >
            {s}
          </button>
        ))}
      </fieldset>
      {length > available && (
        <p className="notice" style={{ margin: 0 }}>
          Only {available} questions at this difficulty: the grill will have {available}.
        </p>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button className="button primary block" type="submit" disabled={busy || available === 0} data-testid="start-grill">
        {busy ? "Drawing questions…" : `Start · ${Math.min(length, available)} questions`}
      </button>
    </form>
  );
}
