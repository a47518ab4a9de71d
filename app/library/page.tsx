import { db } from "@/lib/db/client";
import { getLibrary } from "@/lib/modules/library";
import { STUDY_LINKS, TopBar } from "@/app/components/top-bar";
import { requireSessionUser } from "../session-user";
import { LibraryView } from "./library-view";
import "./library.css";
import { catalogue } from "@/exercises/catalogue";

export const dynamic = "force-dynamic";
export const metadata = { title: "Library · Residual" };

export default async function LibraryPage() {
  const user = await requireSessionUser();
  const library = await getLibrary(db(), catalogue, user.id, new Date());
  return (
    <main className="shell stack">
      <TopBar links={STUDY_LINKS} />
      <LibraryView library={library} />
    </main>
  );
}
