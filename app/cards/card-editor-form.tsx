"use client";
// The phone-first card editor: a kind, the text (markdown and $math$), topic,
// tags, difficulty, images pasted or picked, and a live preview rendered by
// the same sanitising renderer the server uses (loaded after the form shows).
import { useMemo, useRef, useState, type ClipboardEvent } from "react";
import type { CardDraft, CardDraftKind } from "@/lib/cards/card-draft";
import type { NoteView } from "@/lib/cards/card-editor";
import { previewFaces, wrapAsGap, type PreviewDraft } from "@/lib/cards/note-preview";
import { saveNewNote, saveNoteEdit, uploadImage } from "@/lib/client/card-requests";
import { RenderedHtml } from "../components/rendered-html";
import { useMarkdownRenderer } from "./use-markdown-renderer";

const KINDS: Array<{ kind: CardDraftKind; label: string }> = [
  { kind: "basic", label: "Basic" },
  { kind: "reversed", label: "Reversed" },
  { kind: "cloze", label: "Cloze" },
  { kind: "interview", label: "Interview" },
];

type Fields = {
  kind: CardDraftKind;
  front: string;
  back: string;
  text: string;
  extra: string;
  wrong: string;
  keyPoints: string;
  topic: string;
  tags: string;
  difficulty: "EASY" | "MEDIUM" | "HARD";
};
type TextField = "front" | "back" | "text" | "extra" | "wrong";

function fieldsOf(draft: CardDraft | null): Fields {
  const empty: Fields = { kind: "basic", front: "", back: "", text: "", extra: "", wrong: "", keyPoints: "", topic: "", tags: "", difficulty: "MEDIUM" };
  if (!draft) return empty;
  const common = { ...empty, kind: draft.kind, topic: draft.topic, tags: draft.tags.join(" "), difficulty: draft.difficulty };
  if (draft.kind === "cloze") return { ...common, text: draft.text, extra: draft.extra };
  if (draft.kind === "interview")
    return { ...common, front: draft.front, back: draft.back, wrong: draft.commonWrongAnswer, keyPoints: draft.keyPoints.join("\n") };
  return { ...common, front: draft.front, back: draft.back };
}

/** The draft to send; the server validates it again (this only shapes it). */
function draftOf(f: Fields): CardDraft {
  const common = { topic: f.topic.trim(), tags: f.tags.split(/[\s,]+/).filter(Boolean), difficulty: f.difficulty };
  switch (f.kind) {
    case "cloze":
      return { kind: "cloze", text: f.text, extra: f.extra, ...common };
    case "interview":
      return {
        kind: "interview",
        front: f.front,
        back: f.back,
        commonWrongAnswer: f.wrong,
        keyPoints: f.keyPoints
          .split("\n")
          .map((p) => p.trim())
          .filter(Boolean),
        ...common,
      };
    default:
      return { kind: f.kind, front: f.front, back: f.back, ...common };
  }
}

function previewDraft(f: Fields): PreviewDraft {
  return f.kind === "cloze"
    ? { kind: "cloze", text: f.text, extra: f.extra }
    : { kind: f.kind, front: f.front, back: f.back, commonWrongAnswer: f.kind === "interview" ? f.wrong : "" };
}

type Props = {
  moduleSlug: string;
  /** Edit this card's note; absent for a new note. */
  cardId?: string;
  initial?: CardDraft | null;
  onSaved?: (note: NoteView) => void;
  onCancel?: () => void;
};

export function CardEditorForm({ moduleSlug, cardId, initial = null, onSaved, onCancel }: Props) {
  const [fields, setFields] = useState<Fields>(() => fieldsOf(initial));
  const [status, setStatus] = useState<{ kind: "idle" | "busy" | "saved" | "error"; message: string }>({ kind: "idle", message: "" });
  const [showPreview, setShowPreview] = useState(true);
  const noteId = useRef<string>(typeof crypto !== "undefined" && "randomUUID" in crypto ? crypto.randomUUID() : "");
  const lastField = useRef<{ name: TextField; element: HTMLTextAreaElement } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const set = <K extends keyof Fields>(name: K, value: Fields[K]) => setFields((f) => ({ ...f, [name]: value }));
  const renderMarkdown = useMarkdownRenderer();
  const preview = useMemo(() => {
    const { faces, problem } = previewFaces(previewDraft(fields));
    if (!renderMarkdown) return { problem: problem ?? "Loading the preview…", faces: [] };
    return {
      problem,
      faces: faces.map((face) => ({
        label: face.label,
        front: renderMarkdown(face.front),
        back: renderMarkdown(face.back),
        wrong: face.wrongAnswer ? renderMarkdown(face.wrongAnswer) : null,
      })),
    };
  }, [fields, renderMarkdown]);

  function insertAtCursor(snippet: string) {
    const target = lastField.current ?? null;
    const name: TextField = target?.name ?? (fields.kind === "cloze" ? "text" : "back");
    const value = fields[name];
    const start = target?.element.selectionStart ?? value.length;
    const end = target?.element.selectionEnd ?? value.length;
    // An image is a paragraph of its own, so it never sits inside a sentence or a gap's line.
    const before = value.slice(0, start).replace(/\s+$/, "");
    const after = value.slice(end).replace(/^\s+/, "");
    set(name, `${before}${before ? "\n\n" : ""}${snippet}\n\n${after}`.replace(/\n+$/, after ? "" : "\n"));
  }

  async function addImage(file: Blob) {
    setStatus({ kind: "busy", message: "Uploading image…" });
    const result = await uploadImage(file, moduleSlug);
    if (!result.ok) return setStatus({ kind: "error", message: result.message });
    insertAtCursor(result.value.markdown);
    setStatus({ kind: "idle", message: "" });
  }

  function onPaste(event: ClipboardEvent<HTMLTextAreaElement>) {
    const file = [...event.clipboardData.items].find((item) => item.kind === "file" && item.type.startsWith("image/"))?.getAsFile();
    if (!file) return;
    event.preventDefault();
    void addImage(file);
  }

  function makeGap() {
    const element = lastField.current?.name === "text" ? lastField.current.element : null;
    const { text, cursor } = wrapAsGap(fields.text, element?.selectionStart ?? fields.text.length, element?.selectionEnd ?? fields.text.length);
    set("text", text);
    requestAnimationFrame(() => element?.setSelectionRange(cursor, cursor));
  }

  async function save() {
    setStatus({ kind: "busy", message: "Saving…" });
    const draft = draftOf(fields);
    const result = cardId ? await saveNoteEdit(cardId, draft) : await saveNewNote(noteId.current, moduleSlug, draft);
    if (!result.ok) return setStatus({ kind: "error", message: result.message });
    if (!cardId) {
      // Ready for the next card: same kind, topic and tags, a fresh id.
      noteId.current = crypto.randomUUID();
      setFields((f) => ({ ...fieldsOf(null), kind: f.kind, topic: f.topic, tags: f.tags, difficulty: f.difficulty }));
    }
    const count = result.value.cards.filter((c) => !c.archived).length;
    setStatus({ kind: "saved", message: cardId ? "Saved" : `Saved: ${count} card${count === 1 ? "" : "s"}` });
    onSaved?.(result.value);
  }

  const area = (name: TextField, label: string, rows: number, placeholder = "") => (
    <label className="editor-field">
      <span>{label}</span>
      <textarea
        name={name}
        rows={rows}
        value={fields[name]}
        placeholder={placeholder}
        onChange={(e) => set(name, e.target.value)}
        onFocus={(e) => (lastField.current = { name, element: e.currentTarget })}
        onSelect={(e) => (lastField.current = { name, element: e.currentTarget })}
        onPaste={onPaste}
      />
    </label>
  );

  return (
    <form
      className="card-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      data-testid="card-editor"
    >
      <div className="kind-switch">
        {KINDS.map((k) => (
          <button
            key={k.kind}
            type="button"
            aria-pressed={fields.kind === k.kind}
            className={fields.kind === k.kind ? "on" : ""}
            onClick={() => set("kind", k.kind)}
          >
            {k.label}
          </button>
        ))}
      </div>

      {fields.kind === "cloze" ? (
        <>
          {area("text", "Text with gaps", 5, "The softmax runs over the {{c1::key}} axis.")}
          <div className="editor-tools">
            <button type="button" className="button" onClick={makeGap} data-testid="make-gap">
              Gap
            </button>
            <span className="muted small">Select words, tap Gap. Each number is a card.</span>
          </div>
          {area("extra", "Extra on the back (optional)", 2)}
        </>
      ) : (
        <>
          {area("front", fields.kind === "reversed" ? "Term" : "Question", 3)}
          {area("back", fields.kind === "reversed" ? "Definition" : fields.kind === "interview" ? "Strong answer" : "Answer", 4)}
          {fields.kind === "interview" && (
            <>
              {area("wrong", "Common wrong answer to avoid", 2)}
              <label className="editor-field">
                <span>Key points (one a line)</span>
                <textarea name="keyPoints" rows={3} value={fields.keyPoints} onChange={(e) => set("keyPoints", e.target.value)} />
              </label>
            </>
          )}
        </>
      )}

      <div className="editor-tools">
        <button type="button" className="button" onClick={() => fileInput.current?.click()}>
          Add image
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="image/png,image/jpeg,image/webp,image/gif"
          hidden
          data-testid="image-input"
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = "";
            if (file) void addImage(file);
          }}
        />
        <span className="muted small">or paste one. $x^2$ for math.</span>
      </div>

      <div className="editor-row">
        <label className="editor-field grow">
          <span>Topic</span>
          <input name="topic" value={fields.topic} onChange={(e) => set("topic", e.target.value)} />
        </label>
        <label className="editor-field">
          <span>Difficulty</span>
          <select name="difficulty" value={fields.difficulty} onChange={(e) => set("difficulty", e.target.value as Fields["difficulty"])}>
            <option value="EASY">Easy</option>
            <option value="MEDIUM">Medium</option>
            <option value="HARD">Hard</option>
          </select>
        </label>
      </div>
      <label className="editor-field">
        <span>Tags (space-separated)</span>
        <input name="tags" value={fields.tags} autoCapitalize="none" onChange={(e) => set("tags", e.target.value)} />
      </label>

      <section className="editor-preview" aria-label="Preview">
        <button type="button" className="preview-toggle" onClick={() => setShowPreview((v) => !v)} aria-expanded={showPreview}>
          Preview {showPreview ? "▾" : "▸"}
        </button>
        {showPreview &&
          (preview.problem ? (
            <p className="muted small">{preview.problem}</p>
          ) : (
            preview.faces.map((face) => (
              <div key={face.label} className="preview-card" data-testid="preview-card">
                <span className="muted small">{face.label}</span>
                <RenderedHtml className="card-front" html={face.front} />
                <RenderedHtml className="card-back" html={face.back} />
                {face.wrong && (
                  <div className="wrong-answer">
                    <strong>Common wrong answer</strong>
                    <RenderedHtml html={face.wrong} />
                  </div>
                )}
              </div>
            ))
          ))}
      </section>

      {status.message && (
        <p className={`editor-status ${status.kind}`} role={status.kind === "error" ? "alert" : "status"} data-testid="editor-status">
          {status.message}
        </p>
      )}
      <div className="editor-actions">
        {onCancel && (
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        )}
        <button type="submit" className="button primary grow" disabled={status.kind === "busy"} data-testid="save-card">
          {cardId ? "Save changes" : "Save card"}
        </button>
      </div>
    </form>
  );
}
