import { IntentLink } from "@/app/components/intent-link";
import { notFound } from "next/navigation";
import { db } from "@/lib/db/client";
import { loadNote, type NoteView } from "@/lib/cards/card-editor";
import { CardIdParamsSchema } from "@/lib/cards/card-schemas";
import { AppError } from "@/lib/errors/app-error";
import { STUDY_LINKS, TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../../../session-user";
import { CardEditorForm } from "../../card-editor-form";
import "../../editor.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Edit card · Residual" };

export default async function EditCardPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requireSessionUser();
  const parsed = CardIdParamsSchema.safeParse(await params);
  if (!parsed.success) notFound();
  let note: NoteView | null = null;
  let refusal: string | null = null;
  try {
    note = await loadNote(db(), user.id, parsed.data.id);
  } catch (error) {
    if (!(error instanceof AppError) || error.code === "NOT_FOUND") notFound();
    refusal = error.message;
  }
  return (
    <main className="shell stack">
      <TopBar links={STUDY_LINKS} />
      <h1 className="page-title">Edit card {note && <span className="muted small">in {note.module.title}</span>}</h1>
      {refusal && <p className="panel">{refusal}</p>}
      {note && !note.draft && (
        <p className="panel">This card came from a cloze note whose text the editor cannot read back; edit it in its file and import it again.</p>
      )}
      {note?.draft && <CardEditorForm moduleSlug={note.module.slug} cardId={note.cardId} initial={note.draft} />}
      <p className="small">
        <IntentLink href={`/cards/${parsed.data.id}`}>Card info</IntentLink> (history, suspend, move, delete)
      </p>
    </main>
  );
}
