// The faces a note will give, as markdown, for the editor's live preview.
// Pure and free of Node APIs (the browser runs it); the same cloze rendering
// the server uses, so the preview is what the cards will be.
import { clozeNumbers, clozeProblems, renderCloze } from "../content/cloze";

export type PreviewDraft =
  | { kind: "basic" | "reversed" | "interview"; front: string; back: string; commonWrongAnswer?: string }
  | { kind: "cloze"; text: string; extra: string };

export type PreviewFace = { label: string; front: string; back: string; wrongAnswer: string | null };

/** The note's cards as markdown faces, with a label for each; a problem instead when the cloze text is not usable yet. */
export function previewFaces(draft: PreviewDraft): { faces: PreviewFace[]; problem: string | null } {
  if (draft.kind === "cloze") {
    const problems = clozeProblems(draft.text);
    const numbers = clozeNumbers(draft.text);
    if (problems.length) return { faces: [], problem: problems.join("; ") };
    if (numbers.length === 0) return { faces: [], problem: "Select a word and tap “Gap” (or type {{c1::answer}}) to make a gap" };
    return {
      faces: numbers.map((n) => {
        const { front, back } = renderCloze(draft.text, n);
        return { label: `Card ${n}`, front, back: draft.extra ? `${back}\n\n${draft.extra}` : back, wrongAnswer: null };
      }),
      problem: null,
    };
  }
  const main = { label: draft.kind === "reversed" ? "Forward" : "Card", front: draft.front, back: draft.back, wrongAnswer: draft.commonWrongAnswer || null };
  if (draft.kind !== "reversed") return { faces: [main], problem: null };
  return { faces: [main, { label: "Reverse", front: draft.back, back: draft.front, wrongAnswer: null }], problem: null };
}

/** `text` with the range [start, end) wrapped as the next cloze gap (one number above the highest so far). */
export function wrapAsGap(text: string, start: number, end: number): { text: string; cursor: number } {
  const n = Math.max(0, ...clozeNumbers(text)) + 1;
  const selected = text.slice(start, end) || "answer";
  const gap = `{{c${n}::${selected}}}`;
  return { text: text.slice(0, start) + gap + text.slice(end), cursor: start + gap.length };
}
