"use client";
// One answer box of an exercise, with its verdict underneath once graded. The
// box asks for the keyboard its answer needs (digits for a plain number, text
// for units, lists and matrices) and, on a touch-first device, shows the keys a
// phone keyboard lacks under the box last focused.
import { useEffect, useId, useRef, useState } from "react";
import type { StepView } from "@/lib/grading/exercise-view";
import { AnswerKeys } from "./answer-keys";
import { StepFeedback, type StepResult } from "./step-feedback";
import { useTouchFirst } from "./use-touch-first";

type Props = {
  step: StepView;
  value: string;
  onChange: (value: string) => void;
  grade?: StepResult;
  /** False hides the expected value while a retry is still open. */
  showExpected?: boolean;
  disabled?: boolean;
  /** The last box of the form: Enter checks the answers; in any other box it moves to the next one. */
  last?: boolean;
};

const MAX_LENGTH = 200;
/** Announces which answer box has the key row, so only one shows it. */
const FOCUS_EVENT = "answer-field-focus";

const placeholderFor = (step: StepView): string => {
  if (step.shape === "scalar") return step.unit ? `e.g. 15.6 ${step.unit}` : "e.g. -1.22 or sqrt(10)";
  if ("vector" in step.shape) return "e.g. [0.63, 1.26] or 0.63 1.26";
  return "e.g. 1 2; 3 4 (a row per line)";
};

export function StepInput({ step, value, onChange, grade, showExpected = true, disabled = false, last = false }: Props) {
  const id = useId();
  const field = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const touchFirst = useTouchFirst();
  const [hasKeys, setHasKeys] = useState(false);

  useEffect(() => {
    const onFocus = (event: Event) => setHasKeys((event as CustomEvent<string>).detail === id);
    window.addEventListener(FOCUS_EVENT, onFocus);
    return () => window.removeEventListener(FOCUS_EVENT, onFocus);
  }, [id]);

  const matrix = step.shape !== "scalar" && "matrix" in step.shape;
  const common = {
    ref: field,
    id,
    name: step.key,
    "data-testid": `answer-${step.key}`,
    "data-answer-field": "",
    value,
    onChange: (e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) => onChange(e.target.value),
    onFocus: () => window.dispatchEvent(new CustomEvent(FOCUS_EVENT, { detail: id })),
    autoComplete: "off",
    autoCapitalize: "off",
    autoCorrect: "off",
    spellCheck: false,
    maxLength: MAX_LENGTH,
    disabled,
    placeholder: placeholderFor(step),
    // A plain number wants the number pad; units, lists and matrices need letters and brackets.
    inputMode: step.shape === "scalar" && !step.unit ? ("decimal" as const) : ("text" as const),
    enterKeyHint: last ? ("go" as const) : ("next" as const),
  };

  function onKeyDown(event: React.KeyboardEvent<HTMLInputElement>) {
    if (event.key !== "Enter" || last) return;
    const fields = [...(event.currentTarget.form?.querySelectorAll<HTMLElement>("[data-answer-field]") ?? [])];
    const next = fields[fields.indexOf(event.currentTarget) + 1];
    if (!next) return;
    event.preventDefault();
    next.focus();
  }

  return (
    <div className="step">
      <label htmlFor={id}>
        {step.label}
        {step.unit ? <span className="muted small"> (in {step.unit})</span> : null}
      </label>
      {matrix ? <textarea {...common} rows={3} /> : <input {...common} onKeyDown={onKeyDown} />}
      {touchFirst && hasKeys && !disabled ? <AnswerKeys shape={step.shape} target={field} value={value} onChange={onChange} maxLength={MAX_LENGTH} /> : null}
      {grade && <StepFeedback grade={grade} showExpected={showExpected} />}
    </div>
  );
}
