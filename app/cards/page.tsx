import { STUDY_LINKS, TopBar } from "@/app/components/top-bar";
import { selectVisibleModules } from "@/lib/cards/card-access";
import { searchCards } from "@/lib/cards/card-search";
import { CardSearchQuerySchema } from "@/lib/cards/card-schemas";
import { db } from "@/lib/db/client";
import { requireSessionUser } from "../session-user";
import { CardBrowser } from "./card-browser";
import "./cards.css";

export const dynamic = "force-dynamic";
export const metadata = { title: "Cards · Residual" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function CardsPage({ searchParams }: Props) {
  const user = await requireSessionUser();
  const raw = Object.fromEntries(Object.entries(await searchParams).flatMap(([k, v]) => (typeof v === "string" && v !== "" ? [[k, v]] : [])));
  const { cursor: _ignored, ...rest } = raw;
  const parsed = CardSearchQuerySchema.safeParse(rest);
  const query = parsed.success ? parsed.data : CardSearchQuerySchema.parse({});
  const now = new Date();
  const [modules, first] = await Promise.all([
    selectVisibleModules(db(), user.id),
    searchCards(db(), user.id, query, now).catch(() => searchCards(db(), user.id, CardSearchQuerySchema.parse({}), now)),
  ]);
  return (
    <main className="shell stack">
      <TopBar links={STUDY_LINKS} />
      <CardBrowser modules={modules} initialQuery={parsed.success ? rest : {}} initialPage={first} />
    </main>
  );
}
