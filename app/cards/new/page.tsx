import { IntentLink } from "@/app/components/intent-link";
import { db } from "@/lib/db/client";
import { selectVisibleModuleRow } from "@/lib/data/module";
import { SlugSchema } from "@/lib/content/schemas";
import { STUDY_LINKS, TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../../session-user";
import { CardEditorForm } from "../card-editor-form";
import "../editor.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "New card · Residual" };

export default async function NewCardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requireSessionUser();
  const slug = SlugSchema.safeParse((await searchParams).module);
  const module = slug.success ? await selectVisibleModuleRow(db(), user.id, slug.data) : null;
  const own = module?.scope === user.id ? module : null;
  return (
    <main className="shell stack">
      <TopBar links={STUDY_LINKS} />
      {own ? (
        <>
          <h1 className="page-title">
            New card <span className="muted small">in {own.title}</span>
          </h1>
          <CardEditorForm moduleSlug={own.slug} />
        </>
      ) : (
        <>
          <h1 className="page-title">New card</h1>
          <p className="panel">
            {module ? "The built-in course is read-only: write cards in a module of your own." : "Pick one of your own modules to write a card in."}{" "}
            <IntentLink href="/library">Your library</IntentLink>
          </p>
        </>
      )}
    </main>
  );
}
