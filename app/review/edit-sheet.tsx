"use client";
// The card editor over the review screen: opened by the pencil (or `e`), it
// loads the card's note, saves it, and hands the new faces back so the
// session carries on where it was, with the edited text. Schedules are not
// the editor's business: the review and its undo stay in the outbox.
import { useEffect, useState } from "react";
import type { NoteView } from "@/lib/cards/card-editor";
import { loadNoteForEdit } from "@/lib/client/card-requests";
import { CardEditorForm } from "../cards/card-editor-form";

export function EditSheet({ cardId, onSaved, onClose }: { cardId: string; onSaved: (note: NoteView) => void; onClose: () => void }) {
  const [note, setNote] = useState<NoteView | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    void loadNoteForEdit(cardId).then((result) => {
      if (!live) return;
      if (result.ok) setNote(result.value);
      else setError(result.message);
    });
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape") onClose();
    };
    window.addEventListener("keydown", onKey);
    return () => {
      live = false;
      window.removeEventListener("keydown", onKey);
    };
  }, [cardId, onClose]);

  return (
    <div className="edit-sheet" role="dialog" aria-modal="true" aria-label="Edit card" data-testid="edit-sheet">
      <div className="shell stack">
        <div className="review-top">
          <button type="button" className="back" onClick={onClose} aria-label="Back to the review">
            ‹
          </button>
          <strong>Edit card</strong>
        </div>
        {error && (
          <p className="panel" role="alert">
            {error}
          </p>
        )}
        {note && !note.draft && (
          <p className="panel">This card came from a cloze note whose text the editor cannot read back; edit it in its file and import it again.</p>
        )}
        {!note && !error && <p className="muted">Loading…</p>}
        {note?.draft && (
          <CardEditorForm
            moduleSlug={note.module.slug}
            cardId={cardId}
            initial={note.draft}
            onCancel={onClose}
            onSaved={(saved) => {
              onSaved(saved);
              onClose();
            }}
          />
        )}
      </div>
    </div>
  );
}
