"use client";
// Keys a phone keyboard lacks for an answer (brackets, comma, minus, root,
// power, slash), shown on a touch-first device under the focused answer box.
// A key inserts at the caret; the box keeps focus, so the keyboard stays up.
// Every insert is something the answer parser reads: − is a minus, √ opens sqrt(.
import type { RefObject } from "react";
import { flushSync } from "react-dom";
import type { AnswerShape } from "@/lib/answers/answer-spec";
import "./answer-keys.css";

type Key = { label: string; insert: string; name: string };

const MINUS: Key = { label: "−", insert: "−", name: "minus" };
const ROOT: Key = { label: "√", insert: "sqrt(", name: "square root" };
const POWER: Key = { label: "^", insert: "^", name: "power" };
const SLASH: Key = { label: "/", insert: "/", name: "divide" };
const CLOSE: Key = { label: ")", insert: ")", name: "close bracket" };
const LIST: Key[] = [
  { label: "[", insert: "[", name: "open list" },
  { label: "]", insert: "]", name: "close list" },
  { label: ",", insert: ", ", name: "comma" },
];

/** The keys for an answer of this shape: list punctuation only where a list is asked, `;` between matrix rows. */
function keysFor(shape: AnswerShape): Key[] {
  if (shape === "scalar") return [MINUS, ROOT, POWER, SLASH, CLOSE];
  const rows: Key[] = "matrix" in shape ? [{ label: ";", insert: "; ", name: "next row" }] : [];
  return [...LIST, ...rows, MINUS, ROOT, POWER, SLASH, CLOSE];
}

type Props = {
  shape: AnswerShape;
  target: RefObject<HTMLInputElement | HTMLTextAreaElement | null>;
  value: string;
  onChange: (value: string) => void;
  maxLength: number;
};

export function AnswerKeys({ shape, target, value, onChange, maxLength }: Props) {
  function insert(text: string) {
    const field = target.current;
    const start = field?.selectionStart ?? value.length;
    const end = field?.selectionEnd ?? value.length;
    const next = (value.slice(0, start) + text + value.slice(end)).slice(0, maxLength);
    // Written now, so the caret can go after the insert before the next key arrives.
    flushSync(() => onChange(next));
    const caret = Math.min(start + text.length, next.length);
    field?.focus();
    field?.setSelectionRange(caret, caret);
  }

  return (
    <fieldset className="answer-keys" aria-label="Symbols" data-testid="answer-keys">
      {keysFor(shape).map((key) => (
        <button
          key={key.name}
          type="button"
          className="answer-key"
          aria-label={key.name}
          // Keeps focus (and the phone keyboard) in the answer box.
          onPointerDown={(e) => e.preventDefault()}
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => insert(key.insert)}
        >
          {key.label}
        </button>
      ))}
    </fieldset>
  );
}
