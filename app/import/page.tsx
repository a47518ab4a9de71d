import { db } from "@/lib/db/client";
import { selectOwnModules } from "@/lib/imports/own-modules";
import { TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../session-user";
import { ImportForm } from "./import-form";
import "./import.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Import · Residual" };

export default async function ImportPage() {
  const user = await requireSessionUser();
  const modules = await selectOwnModules(db(), user.id);
  return (
    <main className="shell stack">
      <TopBar
        links={[
          { href: "/review", label: "Review" },
          { href: "/settings", label: "Settings" },
        ]}
      />
      <h1 style={{ margin: 0, fontSize: 22 }}>Import your notes</h1>
      <p className="muted small" style={{ margin: 0 }}>
        Markdown notes (Q:/A:, bold or numbered questions, headings ending in “?”), a CSV/TSV file with front, back and tags, an Anki package with its review
        history, or a module downloaded as a zip (with its images). You see what will change before anything is saved; importing the same file again is safe.
      </p>
      <ImportForm modules={modules.map((m) => ({ slug: m.slug, title: m.title, cards: m.cards }))} />
    </main>
  );
}
