"use client";
// An interview question: a box to type the answer in, then the reveal — the
// strong answer, the common wrong answer to avoid, and the key points to tick.
import type { GrillItemView } from "@/lib/grills/grill-view";
import { RenderedHtml } from "@/app/components/rendered-html";

type Props = {
  item: GrillItemView;
  text: string;
  onText: (text: string) => void;
  ticks: ReadonlySet<number>;
  onTick: (index: number) => void;
  disabled: boolean;
  /** On a touch-first device Enter is a new line and the Submit button submits; the key hint is for desktops only. */
  touchFirst: boolean;
};

export function InterviewItem({ item, text, onText, ticks, onTick, disabled, touchFirst }: Props) {
  const reveal = item.reveal;
  const graded = item.score !== null;
  const shown = graded ? new Set(item.keyPointsHit) : ticks;
  return (
    <>
      {!item.answered ? (
        <label className="grill-answer">
          Your answer
          <textarea
            value={text}
            onChange={(e) => onText(e.target.value)}
            rows={6}
            maxLength={4000}
            disabled={disabled}
            placeholder={touchFirst ? "Answer as you would out loud." : "Answer as you would out loud. Enter submits; Shift+Enter for a new line."}
            enterKeyHint={touchFirst ? "enter" : "send"}
            data-testid="grill-answer"
            // biome-ignore lint/a11y/noAutofocus: the question is timed and the clock is running; typing starts at once.
            autoFocus
          />
        </label>
      ) : (
        <div className="grill-yours" data-testid="your-answer">
          <strong>Your answer</strong>
          <p>{item.answer?.trim() ? item.answer : <span className="muted">(nothing typed)</span>}</p>
        </div>
      )}
      {reveal && (
        <div className="stack" data-testid="reveal">
          <div className="grill-strong">
            <strong>Strong answer</strong>
            <RenderedHtml html={reveal.strongAnswerHtml} />
          </div>
          {reveal.wrongAnswerHtml && (
            <div className="grill-wrong">
              <strong>Common wrong answer to avoid</strong>
              <RenderedHtml html={reveal.wrongAnswerHtml} />
            </div>
          )}
          <fieldset className="key-points" data-testid="key-points">
            <legend>{graded ? "Key points you covered" : "Tick the key points you covered"}</legend>
            {reveal.keyPointsHtml.map((html, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the key points are a fixed list and the index is a key point's number.
              <label key={i} className={`key-point ${shown.has(i) ? "hit" : ""}`} data-testid={`key-point-${i}`}>
                <input type="checkbox" checked={shown.has(i)} disabled={graded || disabled} onChange={() => onTick(i)} />
                <span className="key-number" aria-hidden>
                  {i + 1}
                </span>
                <RenderedHtml as="span" html={html} />
              </label>
            ))}
          </fieldset>
        </div>
      )}
    </>
  );
}
